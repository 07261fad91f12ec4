import type { Collection } from '../../collection';
import type { Progress } from '../progress';

/** IF_NEWER (Anki's default), ALWAYS (whenever the mtimes differ) or NEVER. */
export type UpdateCondition = 'ifNewer' | 'always' | 'never';

export function shouldUpdate(condition: UpdateCondition, existingMtime: number, incomingMtime: number): boolean {
  if (condition === 'ifNewer') return existingMtime < incomingMtime;
  if (condition === 'always') return existingMtime !== incomingMtime;
  return false;
}

/** Counters and messages an import reports back. */
export class ImportLog {
  notesAdded = 0;
  notesUpdated = 0;
  notesDuplicate = 0;
  notesConflicting = 0;
  notesMissingNotetype = 0;
  cards = 0;
  revlog = 0;
  decks = 0;
  notetypes = 0;
  media = 0;
  readonly messages: string[] = [];

  note(message: string): void {
    if (this.messages.length < 200) this.messages.push(message);
  }
}

export interface ImportContext {
  col: Collection;
  progress: Progress;
  log: ImportLog;
  nowSecs: number;
}
