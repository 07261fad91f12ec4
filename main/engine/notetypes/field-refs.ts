/**
 * Field references inside card templates (rslib template.rs `rename_and_remove_fields`,
 * `template_to_string`, and notetype/mod.rs `update_templates_for_renamed_and_removed_fields`).
 */
import type { Notetype } from '../model/types';
import { NotetypeKind } from '../model/types';
import { tryParseTemplate, type TemplateNode } from '../template';

/** Old field name → new name, or null when the field was removed. */
export type FieldRenames = ReadonlyMap<string, string | null>;

export function templateToString(nodes: readonly TemplateNode[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'comment':
        out += `<!--${node.text}-->`;
        break;
      case 'replacement':
        out += `{{${[...node.filters].reverse().concat(node.key).join(':')}}}`;
        break;
      case 'conditional': {
        const sigil = node.negated ? '^' : '#';
        out += `{{${sigil}${node.key}}}${templateToString(node.children)}{{/${node.key}}}`;
        break;
      }
    }
  }
  return out;
}

/** Renames references; removed fields vanish, and their conditionals are unwrapped (children kept). */
export function renameAndRemoveFields(nodes: readonly TemplateNode[], renames: FieldRenames): TemplateNode[] {
  const out: TemplateNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'replacement') {
      const target = renames.get(node.key);
      if (target === null) continue;
      out.push(target === undefined ? node : { ...node, key: target });
    } else if (node.kind === 'conditional') {
      const children = renameAndRemoveFields(node.children, renames);
      const target = renames.get(node.key);
      if (target === null) out.push(...children);
      else out.push({ ...node, key: target ?? node.key, children });
    } else {
      out.push(node);
    }
  }
  return out;
}

/** Every referenced name: replacements, and conditionals too when asked (find_field_references). */
export function referencedFieldNames(nodes: readonly TemplateNode[], withConditionals = true, out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.kind === 'replacement') out.add(node.key);
    else if (node.kind === 'conditional') {
      if (withConditionals) out.add(node.key);
      referencedFieldNames(node.children, withConditionals, out);
    }
  }
  return out;
}

/** Names used with the cloze filter anywhere in the template. */
export function clozeFieldNames(nodes: readonly TemplateNode[], out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.kind === 'replacement' && node.filters.includes('cloze')) out.add(node.key);
    else if (node.kind === 'conditional') clozeFieldNames(node.children, out);
  }
  return out;
}

/** Only top-level nodes count, as in rslib `contains_cloze_replacement`. */
const hasTopLevelCloze = (nodes: readonly TemplateNode[]): boolean =>
  nodes.some((n) => n.kind === 'replacement' && n.filters.includes('cloze'));

/**
 * Rewrites every parseable template side for renamed/removed fields. A front left without
 * any field (or a cloze side without a cloze) gets `{{first field}}` / `{{cloze:first}}` appended.
 */
export function updateTemplatesForFieldChanges(nt: Notetype, renames: FieldRenames): void {
  if (!renames.size) return;
  const first = nt.flds[0]?.name ?? '';
  const cloze = nt.type === NotetypeKind.Cloze;
  const missing = (): TemplateNode => ({ kind: 'replacement', key: first, filters: cloze ? ['cloze'] : [] });
  const rewrite = (format: string, question: boolean): string => {
    const parsed = tryParseTemplate(format);
    if (!parsed) return format;
    const nodes = renameAndRemoveFields(parsed, renames);
    const needsField = question && referencedFieldNames(nodes).size === 0;
    if (needsField || (cloze && !hasTopLevelCloze(nodes))) nodes.push(missing());
    return templateToString(nodes);
  };
  for (const template of nt.tmpls) {
    template.qfmt = rewrite(template.qfmt, true);
    template.afmt = rewrite(template.afmt, false);
    // Browser formats too, even empty ones: Anki then gives an empty browser front `{{first field}}`.
    template.bqfmt = rewrite(template.bqfmt, true);
    template.bafmt = rewrite(template.bafmt, false);
  }
}
