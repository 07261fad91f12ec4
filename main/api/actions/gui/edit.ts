import type { ActionDefinition } from '../../registry';

export const guiEditActions: ActionDefinition[] = [];
