import type { ActionDefinition } from '../registry';

export const guiActions: ActionDefinition[] = [];
