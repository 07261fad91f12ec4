import type { Collection } from '../../../engine/collection';
import { EngineError } from '../../../engine/errors';
import { cardNotFound } from '../../../engine/cards/query';
import { setCardValues } from '../../../engine/cards/values';
import { pyTypeName } from '../../pyrepr';

/** Keys the add-on refuses unless `warning_check` is passed. */
const PROTECTED_KEYS = new Set(['did', 'id', 'ivl', 'lapses', 'left', 'mod', 'nid', 'odid', 'odue', 'ord', 'queue', 'reps', 'type', 'usn']);

export interface SetValueParams {
  card: unknown;
  keys: unknown;
  newValues: unknown;
  warning_check: unknown;
}

function cardIdOf(card: unknown): number {
  if (typeof card === 'number' && Number.isSafeInteger(card)) return card;
  if (typeof card === 'string' && /^-?\d+$/.test(card) && Number.isSafeInteger(Number(card))) return Number(card);
  throw cardNotFound(card);
}

/**
 * The add-on's answer shape: `false` when the request is refused before touching the card,
 * otherwise a one-element list, `[true]` or `[[false, "<why>"]]`.
 */
export function setSpecificValueOfCard(col: Collection, params: SetValueParams): false | [true] | [[false, string]] {
  const { card, keys, newValues } = params;
  if (Array.isArray(card)) return false;
  if (!Array.isArray(keys) || !Array.isArray(newValues)) return false;
  if (keys.length !== newValues.length) return false;
  // Only a literal false blocks: the add-on tests `warning_check is False`.
  if (params.warning_check === false && keys.some((key) => typeof key === 'string' && PROTECTED_KEYS.has(key))) return false;
  try {
    const pairs = keys.map((key, i): [string, unknown] => {
      if (typeof key !== 'string') {
        throw new EngineError('invalid', `attribute name must be string, not '${pyTypeName(key)}'`);
      }
      return [key, newValues[i]];
    });
    setCardValues(col, cardIdOf(card), pairs);
    return [true];
  } catch (error) {
    if (error instanceof EngineError) return [[false, error.message]];
    throw error;
  }
}
