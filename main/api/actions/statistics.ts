import type { ActionDefinition } from '../registry';

export const statisticActions: ActionDefinition[] = [];
