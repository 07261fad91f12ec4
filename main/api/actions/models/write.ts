/** Validation of the nested objects model actions take, with the add-on's KeyError texts. */
import { ActionError } from '../../registry';
import { pyStr } from './py';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `obj[key]` as Python evaluates it on a dict: a missing key fails with `'key'`. */
export function requireKey(obj: unknown, key: string, what: string): unknown {
  if (!isObject(obj)) throw new ActionError(`${what} must be an object, got ${pyStr(obj)}`);
  if (!(key in obj)) throw new ActionError(`'${key}'`);
  return obj[key];
}

export function requireStringKey(obj: unknown, key: string, what: string): string {
  const value = requireKey(obj, key, what);
  if (typeof value !== 'string') throw new ActionError(`${what}["${key}"] must be a string, got ${pyStr(value)}`);
  return value;
}

/** createModel's cardTemplates: Front and Back required, Name defaulting to "Card <n>". */
export function parseCardTemplates(value: readonly unknown[]): { name: string; qfmt: string; afmt: string }[] {
  return value.map((card, i) => {
    const what = `cardTemplates[${i}]`;
    const name = isObject(card) && 'Name' in card ? requireStringKey(card, 'Name', what) : `Card ${i + 1}`;
    return { name, qfmt: requireStringKey(card, 'Front', what), afmt: requireStringKey(card, 'Back', what) };
  });
}

/** updateModelTemplates' `templates`: `{name: {Front?, Back?}}`. Falsy sides are ignored. */
export function parseTemplateUpdates(value: unknown): Map<string, { qfmt?: string | null; afmt?: string | null }> {
  if (!isObject(value)) throw new ActionError(`'${Array.isArray(value) ? 'list' : typeof value}' object has no attribute 'get'`);
  const updates = new Map<string, { qfmt?: string | null; afmt?: string | null }>();
  for (const [name, sides] of Object.entries(value)) {
    if (!sides) continue;
    if (!isObject(sides)) throw new ActionError(`templates["${name}"] must be an object, got ${pyStr(sides)}`);
    const side = (key: 'Front' | 'Back'): string | null => {
      const text = sides[key];
      if (text === undefined || text === null || text === '') return null;
      if (typeof text !== 'string') throw new ActionError(`templates["${name}"]["${key}"] must be a string, got ${pyStr(text)}`);
      return text;
    };
    updates.set(name, { qfmt: side('Front'), afmt: side('Back') });
  }
  return updates;
}
