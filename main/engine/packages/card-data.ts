/**
 * cards.data as Anki reads and re-writes it (rslib/src/storage/card/data.rs). One
 * implementation serves the scheduler and packages: see scheduler/card-data.ts.
 */
import { parseCardData, serializeCardData } from '../scheduler/card-data';

export { parseCardData, serializeCardData, type CardData } from '../scheduler/card-data';

/** What Anki stores after reading a card's data and writing it back. */
export function normalizeCardData(raw: string): string {
  return serializeCardData(parseCardData(raw));
}
