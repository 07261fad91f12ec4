/**
 * Card generation and rendering (Anki's rslib/src/template.rs, cardgen.rs, cloze.rs).
 * PLACEHOLDER: the template module owner replaces these with the real implementation.
 */
import type { Notetype, TemplateRequirement } from '../model/types';

/** Template ords (normal) or cloze numbers − 1 (cloze) that a note with these fields generates. */
export function cardOrdsToGenerate(notetype: Notetype, fields: readonly string[]): number[] {
  if (notetype.type === 1) {
    const nums = new Set<number>();
    for (const m of (fields[0] ?? '').matchAll(/\{\{c(\d+)::/g)) nums.add(Number(m[1]) - 1);
    return [...nums].sort((a, b) => a - b);
  }
  return notetype.tmpls.filter((t) => /\{\{/.test(t.qfmt) && fields.some((f) => f.trim())).map((t) => t.ord);
}

/** Anki's legacy `req` cache. */
export function computeRequirements(notetype: Notetype): TemplateRequirement[] {
  return notetype.tmpls.map((t) => [t.ord, 'any', [0]] as TemplateRequirement);
}
