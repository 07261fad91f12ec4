/** Tags as the user types them: separated by spaces (and ideographic spaces, as Anki splits them). */
export function splitTagText(text: string): string[] {
  return text.split(/[\s\u3000]+/).filter(Boolean);
}

/** The token under the caret: where it starts and what has been typed of it. */
export function currentToken(text: string, caret: number): { start: number; prefix: string } {
  let start = caret;
  while (start > 0 && !/[\s\u3000]/.test(text[start - 1]!)) start--;
  return { start, prefix: text.slice(start, caret) };
}

/** Up to `limit` known tags completing `prefix` (case-insensitive), those starting with it first. */
export function tagSuggestions(known: readonly string[], prefix: string, exclude: readonly string[], limit = 8): string[] {
  if (!prefix) return [];
  const p = prefix.toLowerCase();
  const taken = new Set(exclude.map((t) => t.toLowerCase()));
  const starts: string[] = [];
  const contains: string[] = [];
  for (const tag of known) {
    const lower = tag.toLowerCase();
    if (lower === p || taken.has(lower)) continue;
    if (lower.startsWith(p)) starts.push(tag);
    else if (lower.includes(`::${p}`)) contains.push(tag);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

/** Replaces the token under the caret with `tag` and a trailing space; returns the new text and caret. */
export function completeToken(text: string, caret: number, tag: string): { text: string; caret: number } {
  const { start } = currentToken(text, caret);
  let end = caret;
  while (end < text.length && !/[\s\u3000]/.test(text[end]!)) end++;
  const before = text.slice(0, start);
  const after = text.slice(end).replace(/^[\s\u3000]*/, '');
  const next = `${before}${tag} ${after}`;
  return { text: next, caret: before.length + tag.length + 1 };
}
