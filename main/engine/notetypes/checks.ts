/**
 * What Anki checks before saving a notetype (rslib notetype/mod.rs `prepare_for_update`,
 * `check_templates`; fields.rs/templates.rs `fix_name`), with its English messages.
 */
import type { Notetype } from '../model/types';
import { NotetypeKind } from '../model/types';
import { EngineError } from '../errors';
import { foldCase } from '../text/fold';
import { tryParseTemplate } from '../template';
import { clozeFieldNames, referencedFieldNames } from './field-refs';

/** Names a template may use without a field of that name. */
const SPECIAL_FIELDS = new Set(['FrontSide', 'Card', 'CardFlag', 'Deck', 'Subdeck', 'Tags', 'Type', 'CardID']);

const arg = (value: string | number): string => `\u2068${value}\u2069`;

function cardTypeError(nt: Notetype, ordinal: number, details: string): EngineError {
  return new EngineError(
    'invalid',
    `Card template ${arg(ordinal + 1)} in note type '${arg(nt.name)}' has a problem.<br>${details}`,
  );
}

/** NoteField::fix_name: drops `: { } "`, trims, and strips leading `# / ^`. */
export function fixFieldName(name: string): string {
  if (!name) throw new EngineError('invalid', 'Empty field name');
  const cleaned = name.replace(/[:{}"]/g, '');
  const trimmed = cleaned.trim().replace(/^[#/^\s]+/u, '');
  if (!trimmed) throw new EngineError('invalid', `Field name: ${cleaned}`);
  return trimmed;
}

/** CardTemplate::fix_name: quotes are removed. */
export function fixTemplateName(name: string): string {
  if (!name) throw new EngineError('invalid', 'Empty template name');
  const cleaned = name.replace(/"/g, '');
  if (!cleaned) throw new EngineError('invalid', 'Template name contains only quotes');
  return cleaned;
}

/** Appends "+" to names that clash (case-insensitively) with an earlier one. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((original) => {
    let name = original;
    while (seen.has(foldCase(name))) name += '+';
    seen.add(foldCase(name));
    return name;
  });
}

/** check_templates: unique fronts, a field on every front, no unknown fields, cloze filters on cloze types. */
export function checkTemplates(nt: Notetype): void {
  const fieldNames = new Set(nt.flds.map((f) => f.name));
  const fronts = new Map<string, number>();
  nt.tmpls.forEach((template, ordinal) => {
    const previous = fronts.get(template.qfmt);
    if (previous !== undefined && !/\{\{\s*Card\s*\}\}/.test(template.qfmt)) {
      throw cardTypeError(nt, ordinal, `The front side is identical to card template ${arg(previous + 1)}.`);
    }
    if (previous === undefined) fronts.set(template.qfmt, ordinal);
  });
  nt.tmpls.forEach((template, ordinal) => {
    const question = tryParseTemplate(template.qfmt);
    const answer = tryParseTemplate(template.afmt);
    if (!question || !answer) throw cardTypeError(nt, ordinal, 'See the preview for more information.');
    const questionFields = referencedFieldNames(question);
    if (!questionFields.size) {
      throw cardTypeError(nt, ordinal, 'Expected to find a field replacement on the front of the card template.');
    }
    for (const name of [...questionFields, ...referencedFieldNames(answer)]) {
      if (name && !SPECIAL_FIELDS.has(name) && !fieldNames.has(name)) {
        throw cardTypeError(nt, ordinal, `Field '${arg(name)}' not found.`);
      }
    }
  });
  if (nt.type === NotetypeKind.Cloze) {
    const first = nt.tmpls[0];
    const question = first && tryParseTemplate(first.qfmt);
    const answer = first && tryParseTemplate(first.afmt);
    if (!question || !answer || !clozeFieldNames(question).size || !clozeFieldNames(answer).size) {
      throw cardTypeError(
        nt,
        0,
        "Expected to find '{{cloze:Text}}' or similar on the front and back of the card template.",
      );
    }
  }
}
