import type { ActionDefinition } from '../registry';

export const mediaActions: ActionDefinition[] = [];
