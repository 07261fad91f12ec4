/** Anki's notion of empty fields and templates that "render with fields" (template.rs). */
import type { TemplateNode } from './parser';

/** The non-empty field names; a Set or a lazy lookup. */
export interface NonemptyNames {
  has(name: string): boolean;
}

const EMPTY_FIELD = /^(?:[\t\n\v\f\r ]|<\/?(?:br|div) ?\/?>)*$/i;

/** True if the text is only ASCII whitespace and empty `<br>` / `<div>` tags. */
export function fieldIsEmpty(text: string): boolean {
  return EMPTY_FIELD.test(text);
}

/**
 * True if some field replacement is reachable with these non-empty fields. With
 * `checkNegated` false (the legacy `req` cache), `{{^X}}` blocks always count as open.
 */
function rendersWith(nodes: readonly TemplateNode[], nonempty: NonemptyNames, checkNegated: boolean): boolean {
  for (const node of nodes) {
    if (node.kind === 'replacement') {
      if (nonempty.has(node.key)) return true;
    } else if (node.kind === 'conditional') {
      const open = node.negated ? !(checkNegated && nonempty.has(node.key)) : nonempty.has(node.key);
      if (open && rendersWith(node.children, nonempty, checkNegated)) return true;
    }
  }
  return false;
}

/** Anki's `renders_with_fields`: the card generation rule. */
export function rendersWithFields(nodes: readonly TemplateNode[], nonempty: NonemptyNames): boolean {
  return rendersWith(nodes, nonempty, true);
}

/** Anki's `renders_with_fields_for_reqs`: negated conditionals are ignored. */
export function rendersWithFieldsForReqs(nodes: readonly TemplateNode[], nonempty: NonemptyNames): boolean {
  return rendersWith(nodes, nonempty, false);
}

/** `c1`, `c2`… (Rust's u32 parse also takes a leading `+`). */
export function isClozeConditional(key: string): boolean {
  const match = /^c\+?(\d+)$/.exec(key);
  return match !== null && Number(match[1]) <= 0xffffffff;
}
