import type { Collection } from '../../../engine/collection';
import type { Notetype } from '../../../engine/model/types';
import { storeMediaFile, type SourceLimits } from '../../../engine/media';
import { pyTypeName } from '../../pyrepr';
import { errorText } from '../../protocol';
import { ActionError } from '../../registry';
import { pyTruthy } from '../decks/python';
import { escapeHtmlText, isPyDict, pyContains, pyItem, type PyDict } from './python';
import { fieldOrd } from './draft';

const MEDIA_KINDS = [
  { key: 'audio', markup: (name: string) => `[sound:${name}]` },
  { key: 'video', markup: (name: string) => `[sound:${name}]` },
  { key: 'picture', markup: (name: string) => `<img src="${name}">` },
] as const;

/** Python's `for x in value` over a JSON value. */
function pyIterate(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (isPyDict(value)) return Object.keys(value);
  throw new ActionError(`'${pyTypeName(value)}' object is not iterable`);
}

const optionalField = (item: PyDict, key: string) => (item[key] === undefined ? null : (item[key] as string | null));

/**
 * The add-on's addMediaFromNote: stores each audio/video/picture object (one
 * object or a list) and appends `[sound:…]` / `<img src="…">` to the fields it
 * names (exact names). A failing object never fails the note: its error text,
 * HTML-escaped, is appended to those fields instead. Mutates `fields`.
 */
export async function attachNoteMedia(
  col: Collection,
  notetype: Notetype,
  fields: string[],
  note: unknown,
  limits: Partial<SourceLimits>,
): Promise<void> {
  if (!isPyDict(note)) return;
  for (const kind of MEDIA_KINDS) {
    const value = note[kind.key];
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === null) continue;
      await attachOne(col, notetype, fields, item, kind.markup, limits);
    }
  }
}

async function attachOne(
  col: Collection,
  notetype: Notetype,
  fields: string[],
  item: unknown,
  markup: (name: string) => string,
  limits: Partial<SourceLimits>,
): Promise<void> {
  const appendTo = (targets: unknown, text: string) => {
    for (const name of pyIterate(targets)) {
      const ord = fieldOrd(notetype, name);
      if (ord >= 0) fields[ord] += text;
    }
  };
  try {
    const filename = pyItem(item, 'filename');
    const media = item as PyDict;
    const stored = await storeMediaFile(
      col,
      {
        filename: filename as string,
        data: optionalField(media, 'data'),
        path: optionalField(media, 'path'),
        url: optionalField(media, 'url'),
        skipHash: optionalField(media, 'skipHash'),
        deleteExisting: pyTruthy(media.deleteExisting),
      },
      limits,
    );
    if (stored !== null && pyContains(media, 'fields') && Array.isArray(media.fields)) appendTo(media.fields, markup(stored));
  } catch (error) {
    appendTo(pyItem(item, 'fields'), escapeHtmlText(errorText(error)));
  }
}
