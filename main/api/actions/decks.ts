import type { ActionDefinition } from '../registry';

export const deckActions: ActionDefinition[] = [];
