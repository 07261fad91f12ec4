import { EngineError } from '../errors';

export const DECK_SEPARATOR = '::';

/** Anki's per-component cleanup (rslib/src/decks/name.rs): NFC, no control chars, trim spaces and ':'; empty → "blank". */
export function normalizeDeckName(name: string): string {
  if (typeof name !== 'string' || !name.trim()) throw new EngineError('invalid', 'deck name must not be empty');
  return name
    .split(DECK_SEPARATOR)
    .map((part) => {
      const clean = part
        .normalize('NFC')
        .replace(/[\x00-\x1f\x7f]/g, '')
        .replace(/^[\s:]+|[\s:]+$/g, '');
      return clean.length ? clean : 'blank';
    })
    .join(DECK_SEPARATOR);
}

export function deckComponents(name: string): string[] {
  return name.split(DECK_SEPARATOR);
}

export function parentNames(name: string): string[] {
  const parts = deckComponents(name);
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join(DECK_SEPARATOR));
}

export function immediateParentName(name: string): string | undefined {
  const parts = deckComponents(name);
  return parts.length > 1 ? parts.slice(0, -1).join(DECK_SEPARATOR) : undefined;
}

export function baseName(name: string): string {
  const parts = deckComponents(name);
  return parts[parts.length - 1]!;
}
