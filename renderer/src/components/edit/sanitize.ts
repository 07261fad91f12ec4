/**
 * Pasted HTML keeps only basic formatting, as Anki's editor does: web pages bring
 * styles, classes, scripts and layout that do not belong in a note.
 */
const KEEP = new Set(['B', 'STRONG', 'I', 'EM', 'U', 'SUB', 'SUP', 'BR', 'DIV', 'P', 'UL', 'OL', 'LI', 'A', 'IMG', 'RUBY', 'RT', 'RP', 'TABLE', 'TBODY', 'TR', 'TD', 'TH', 'HR']);
const DROP_WITH_CONTENT = new Set(['SCRIPT', 'STYLE', 'TITLE', 'META', 'LINK', 'TEMPLATE', 'IFRAME', 'OBJECT', 'NOSCRIPT']);
const KEEP_ATTRIBUTES: Record<string, string[]> = { A: ['href'], IMG: ['src', 'alt'] };

function clean(node: Node, doc: Document): Node[] {
  if (node.nodeType === Node.TEXT_NODE) return [doc.createTextNode(node.textContent ?? '')];
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (DROP_WITH_CONTENT.has(tag)) return [];
  const children = [...element.childNodes].flatMap((child) => clean(child, doc));
  if (!KEEP.has(tag)) return children;
  const copy = doc.createElement(tag.toLowerCase());
  for (const name of KEEP_ATTRIBUTES[tag] ?? []) {
    const value = element.getAttribute(name);
    if (value !== null && !/^\s*javascript:/i.test(value)) copy.setAttribute(name, value);
  }
  for (const child of children) copy.appendChild(child);
  return [copy];
}

export function sanitizePastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out = document.createElement('div');
  for (const node of clean(doc.body, document)) out.appendChild(node);
  return out.innerHTML;
}

/** Plain text as field HTML: escaped, newlines as `<br>`. */
export function textToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}
