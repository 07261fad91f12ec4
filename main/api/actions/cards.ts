import type { ActionDefinition } from '../registry';

export const cardActions: ActionDefinition[] = [];
