import type { ActionDefinition } from '../registry';

export const modelActions: ActionDefinition[] = [];
