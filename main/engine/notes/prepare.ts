import type { Notetype } from '../model/types';
import { EngineError } from '../errors';
import { canonicalTagList, joinTags } from '../text/tags';
import { checksumOfStripped, joinFields, normalizeFieldText, sortFieldText } from '../text/note-text';

export interface PreparedNoteText {
  fields: string[];
  flds: string;
  sfld: string;
  csum: number;
  tags: string[];
  tagsColumn: string;
}

/** Note text as Anki stores it: normalised fields, sort field, checksum and canonical tags. */
export function prepareNoteText(notetype: Notetype, fields: readonly string[], tags: readonly string[]): PreparedNoteText {
  if (fields.length !== notetype.flds.length) {
    throw new EngineError(
      'invalid',
      `note has ${fields.length} fields but notetype "${notetype.name}" has ${notetype.flds.length}`,
    );
  }
  const normalized = fields.map((f) => {
    if (typeof f !== 'string') throw new EngineError('invalid', 'field values must be strings');
    return normalizeFieldText(f);
  });
  const canonicalTags = canonicalTagList(tags);
  const strippedFirst = sortFieldText(normalized[0] ?? '');
  return {
    fields: normalized,
    flds: joinFields(normalized),
    sfld: notetype.sortf === 0 ? strippedFirst : sortFieldText(normalized[notetype.sortf] ?? ''),
    csum: checksumOfStripped(strippedFirst),
    tags: canonicalTags,
    tagsColumn: joinTags(canonicalTags),
  };
}
