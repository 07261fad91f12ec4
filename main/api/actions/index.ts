import { ActionRegistry, type ActionDefinition } from '../registry';
import { miscActions, setActionNameSource } from './misc';
import { deckActions } from './decks';
import { noteActions } from './notes';
import { cardActions } from './cards';
import { cardSchedulingActions } from './card-scheduling';
import { modelActions } from './models';
import { mediaActions } from './media';
import { statisticActions } from './statistics';
import { guiActions } from './gui';
import { packageActions } from './packages';

/** Every AnkiConnect action, one module per category of the spec. */
export function createRegistry(): ActionRegistry {
  const all: ActionDefinition[] = [
    ...cardActions,
    ...cardSchedulingActions,
    ...deckActions,
    ...guiActions,
    ...mediaActions,
    ...miscActions,
    ...packageActions,
    ...modelActions,
    ...noteActions,
    ...statisticActions,
  ];
  const registry = new ActionRegistry(all);
  setActionNameSource(() => registry.names());
  return registry;
}
