/** Renders parsed template nodes with a card's fields (template.rs `render_into`). */
import { isClozeConditional, type NonemptyNames } from './emptiness';
import type { FilterContext } from './filters';
import { applyFilters } from './filters';
import type { TemplateNode } from './parser';
import { TemplateSyntaxError } from './parser';

/** What rendering needs of a name lookup; a Map or Set will do, as will CardFields. */
export interface NameLookup<T> {
  get(name: string): T | undefined;
  has(name: string): boolean;
}

export interface RenderContext extends FilterContext {
  fields: NameLookup<string>;
  nonempty: NonemptyNames;
  /** What `{{FrontSide}}` becomes: empty on the question side. */
  frontSide: string;
}

function conditionIsTrue(key: string, negated: boolean, ctx: RenderContext): boolean {
  if (ctx.nonempty.has(key)) return !negated;
  if (ctx.fields.has(key) || isClozeConditional(key)) return negated;
  throw new TemplateSyntaxError({ kind: 'noSuchConditional', condition: `${negated ? '^' : '#'}${key}` });
}

function renderReplacement(key: string, filters: readonly string[], ctx: RenderContext): string {
  // FrontSide ignores filters; Anki inserts it after rendering.
  if (key === 'FrontSide') return ctx.frontSide;
  // `{{filter:}}` gives add-on filters an empty string; built-in ones produce nothing.
  if (key === '' && filters.length) return '';
  const text = ctx.fields.get(key);
  if (text === undefined) {
    const written = [...filters].reverse().concat('').join(':');
    throw new TemplateSyntaxError({ kind: 'fieldNotFound', field: key, filters: written });
  }
  return applyFilters(text, filters, key, ctx);
}

/** Renders nodes; throws TemplateSyntaxError for unknown fields, even inside hidden sections. */
export function renderNodes(nodes: readonly TemplateNode[], ctx: RenderContext): string {
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
        out += renderReplacement(node.key, node.filters, ctx);
        break;
      case 'conditional': {
        const shown = conditionIsTrue(node.key, node.negated, ctx);
        const body = renderNodes(node.children, ctx);
        if (shown) out += body;
        break;
      }
    }
  }
  return out;
}
