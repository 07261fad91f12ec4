/** Anki's legacy `req` cache (template.rs `requirements`, notetype/mod.rs `updated_requirements`). */
import type { Notetype, TemplateRequirement } from '../model/types';
import { rendersWithFieldsForReqs } from './emptiness';
import type { TemplateNode } from './parser';
import { tryParseTemplate } from './parser';

interface Requirement {
  kind: TemplateRequirement[1];
  ords: number[];
}

function requirementFor(nodes: readonly TemplateNode[], fieldOrds: ReadonlyMap<string, number>): Requirement {
  const fields = [...fieldOrds];
  const any = fields.filter(([name]) => rendersWithFieldsForReqs(nodes, new Set([name])));
  if (any.length) return { kind: 'any', ords: any.map(([, ord]) => ord) };
  const present = new Set(fieldOrds.keys());
  const needed = fields.filter(([name]) => {
    present.delete(name);
    const rendersWithout = rendersWithFieldsForReqs(nodes, present);
    present.add(name);
    return !rendersWithout;
  });
  if (needed.length && rendersWithFieldsForReqs(nodes, present)) return { kind: 'all', ords: needed.map(([, ord]) => ord) };
  return { kind: 'none', ords: [] };
}

/**
 * One entry per template: the fields that let its front render, as "any" (one of them
 * suffices), "all" (each is needed) or "none" (not expressible, or the template is broken).
 */
export function computeRequirements(notetype: Notetype): TemplateRequirement[] {
  // A later field with a duplicate name wins, as in Anki's HashMap.
  const fieldOrds = new Map(notetype.flds.map((field, ord) => [field.name, ord] as const));
  return notetype.tmpls.map((template, ord): TemplateRequirement => {
    const nodes = tryParseTemplate(template.qfmt);
    if (!nodes) return [ord, 'none', []];
    const { kind, ords } = requirementFor(nodes, fieldOrds);
    return [ord, kind, ords.sort((a, b) => a - b)];
  });
}
