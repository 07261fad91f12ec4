/**
 * Anki compares deck, notetype, field, template and tag names with Unicode case
 * folding (the `unicase` collation). Upper-then-lower approximates full folding
 * (ß → ss, ﬁ → fi) without a table.
 */
export function foldCase(text: string): string {
  return text.normalize('NFC').toUpperCase().toLowerCase();
}

export function equalsIgnoringCase(a: string, b: string): boolean {
  return a === b || foldCase(a) === foldCase(b);
}

/** Sorts like Anki's unicase ORDER BY: case-insensitive, ties broken by code points. */
export function compareIgnoringCase(a: string, b: string): number {
  const fa = foldCase(a);
  const fb = foldCase(b);
  if (fa < fb) return -1;
  if (fa > fb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
