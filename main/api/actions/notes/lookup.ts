import type { Collection } from '../../../engine/collection';
import type { Deck, Notetype } from '../../../engine/model/types';
import { deckByName } from '../../../engine/decks/store';
import { notetypeByName } from '../../../engine/notetypes/store';

/** Name lookups cached for one request (addNotes resolves the same few names thousands of times). */
export class NameLookup {
  private readonly notetypes = new Map<string, Notetype | undefined>();
  private readonly decks = new Map<string, Deck | undefined>();

  constructor(readonly col: Collection) {}

  /** Anki's models.by_name: case-insensitive. */
  notetype(name: string): Notetype | undefined {
    if (!this.notetypes.has(name)) this.notetypes.set(name, notetypeByName(this.col, name));
    return this.notetypes.get(name);
  }

  /** Anki's decks.by_name: case-insensitive, never creates. */
  deck(name: string): Deck | undefined {
    if (!this.decks.has(name)) this.decks.set(name, deckByName(this.col, name));
    return this.decks.get(name);
  }
}
