import type { BridgeHub } from '../hub';
import type { BridgeDeps } from '../handlers';
import { createDeck, deleteDeck, renameDeckTo, reparentDeck, setDeckCollapsed, studyDeckTree } from './deck-ops';
import { deckOverview } from './overview';
import { addPreset, deckOptions, removePreset, renamePreset, saveDeckOptions } from './options';
import { studyStats } from './stats';
import { checkDatabase } from '../../engine/check';
import { studyController } from './controller';

/** Bridge methods of the study screens (shared/bridge/study.ts). */
export function registerStudyHandlers(hub: BridgeHub, deps: BridgeDeps): void {
  const col = () => deps.host.collection();
  const study = studyController(hub, deps.host);

  hub.handle('study.decks.tree', () => studyDeckTree(col()));
  hub.handle('study.decks.create', ({ name }) => ({ id: createDeck(col(), name) }));
  hub.handle('study.decks.rename', ({ id, name }) => (renameDeckTo(col(), id, name), null));
  hub.handle('study.decks.reparent', ({ id, parentId }) => (reparentDeck(col(), id, parentId), null));
  hub.handle('study.decks.delete', ({ id }) => ({ cardsDeleted: deleteDeck(col(), id) }));
  hub.handle('study.decks.setCollapsed', ({ id, collapsed }) => (setDeckCollapsed(col(), id, collapsed), null));
  hub.handle('study.overview', ({ deckId }) => deckOverview(col(), deckId));

  hub.handle('study.review.open', ({ deckId, seq }) => study.open(deckId, seq));
  hub.handle('study.review.close', ({ seq }) => (study.close(seq), null));
  hub.handle('study.review.view', () => study.view());
  hub.handle('study.review.showAnswer', ({ cardId, typed }) => study.act((s) => s.showAnswer(cardId, typed)));
  hub.handle('study.review.answer', ({ cardId, ease }) => study.act((s) => s.answer(ease, cardId)));
  hub.handle('study.review.undo', () => study.act((s) => s.undo()));
  hub.handle('study.review.setFlag', ({ cardId, flag }) => study.act((s) => s.setFlag(flag, cardId)));
  hub.handle('study.review.toggleMark', ({ cardId }) => study.act((s) => s.toggleMark(cardId)));
  hub.handle('study.review.bury', ({ cardId }) => study.act((s) => s.bury(cardId)));
  hub.handle('study.review.suspend', ({ cardId }) => study.act((s) => s.suspend(cardId)));

  hub.handle('study.options.get', ({ deckId }) => deckOptions(col(), deckId));
  hub.handle('study.options.save', ({ deckId, preset, fsrs }) => (saveDeckOptions(col(), deckId, preset, fsrs), null));
  hub.handle('study.options.addPreset', ({ deckId, name, cloneFrom }) => ({ id: addPreset(col(), deckId, name, cloneFrom) }));
  hub.handle('study.options.renamePreset', ({ id, name }) => (renamePreset(col(), id, name), null));
  hub.handle('study.options.removePreset', ({ id }) => (removePreset(col(), id), null));

  hub.handle('study.stats', ({ deckId }) => studyStats(col(), deckId));
  hub.handle('study.checkDatabase', () => checkDatabase(col()));
}
