import type { ActionDefinition } from '../registry';

export const packageActions: ActionDefinition[] = [];
