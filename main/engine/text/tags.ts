import { foldCase, compareIgnoringCase } from './fold';

/** Splits the notes.tags column (or any user input) on spaces and U+3000. */
export function splitTags(tags: string): string[] {
  return tags.split(/[ \u3000]+/).filter((t) => t.length > 0);
}

/** notes.tags: "" or " a b " (one leading and one trailing space). */
export function joinTags(tags: readonly string[]): string {
  return tags.length ? ` ${tags.join(' ')} ` : '';
}

/** Anki's per-component tag cleanup: NFC, no control chars or separators, trimmed, empty → "blank". */
export function canonicalTag(tag: string): string {
  return tag
    .split('::')
    .map((part) => {
      const clean = part
        .normalize('NFC')
        .replace(/[\x00-\x1f\x7f\s\u3000]/g, '')
        .trim();
      return clean.length ? clean : 'blank';
    })
    .join('::');
}

/** Bulk adds repeat the same few tags: remember the canonical form and fold key of each raw tag. */
const memo = new Map<string, { tag: string; key: string }>();

function canonicalWithKey(raw: string): { tag: string; key: string } {
  let entry = memo.get(raw);
  if (!entry) {
    const tag = canonicalTag(raw);
    entry = { tag, key: foldCase(tag) };
    if (memo.size > 50_000) memo.clear();
    memo.set(raw, entry);
  }
  return entry;
}

/** Canonicalises, drops case-insensitive duplicates and sorts case-insensitively. */
export function canonicalTagList(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    if (!raw.trim()) continue;
    const { tag, key } = canonicalWithKey(raw);
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()].sort(compareIgnoringCase);
}
