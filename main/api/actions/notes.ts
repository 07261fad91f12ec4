import type { ActionDefinition } from '../registry';

export const noteActions: ActionDefinition[] = [];
