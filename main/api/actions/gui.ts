import type { ActionDefinition } from '../registry';
import { guiStudyActions } from './gui/study';
import { guiEditActions } from './gui/edit';

/** The gui* actions drive the real GUI through the GUI controller. */
export const guiActions: ActionDefinition[] = [...guiStudyActions, ...guiEditActions];
