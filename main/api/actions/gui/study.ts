import type { ActionDefinition } from '../../registry';

export const guiStudyActions: ActionDefinition[] = [];
