import type { NotetypeInfo } from '../../../../shared/bridge/edit';

/** Field values in ord order from values by name (unknown names are ignored, like guiAddCards). */
export function fieldsFromNames(notetype: NotetypeInfo, byName: Record<string, string>): string[] {
  return notetype.fields.map((f) => byName[f.name] ?? '');
}

/**
 * Field contents kept when the Add screen switches note type, as Anki's Add dialog
 * does: fields of the same name first, then the other non-empty fields in order.
 */
export function carryFields(from: NotetypeInfo, values: readonly string[], to: NotetypeInfo): string[] {
  const out = to.fields.map(() => '');
  const copied = new Set<string>();
  const oldNames = from.fields.map((f) => f.name);
  to.fields.forEach((f, i) => {
    const old = oldNames.indexOf(f.name);
    if (old >= 0 && values[old]) {
      out[i] = values[old]!;
      copied.add(f.name);
    }
  });
  let next = 0;
  oldNames.forEach((name, i) => {
    while (next < to.fields.length && copied.has(to.fields[next]!.name)) next++;
    if (next >= to.fields.length || copied.has(name) || !values[i]) return;
    out[next] = values[i]!;
    next++;
  });
  return out;
}

/** After adding: sticky fields keep their content, the others are emptied. */
export function clearNonSticky(notetype: NotetypeInfo, values: readonly string[]): string[] {
  return notetype.fields.map((f) => (f.sticky ? (values[f.ord] ?? '') : ''));
}

/** Tags typed by the user, merged without case-insensitive repeats. */
export function mergeTagText(current: string, extra: readonly string[]): string {
  const tags = current.split(/[\s\u3000]+/).filter(Boolean);
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  for (const tag of extra) {
    if (!seen.has(tag.toLowerCase())) {
      tags.push(tag);
      seen.add(tag.toLowerCase());
    }
  }
  return tags.join(' ');
}

/** Text of a field without markup, for history lines and messages. */
export function plainText(html: string): string {
  const div = document.createElement('div');
  div.innerHTML = html;
  return (div.textContent ?? '').replace(/\s+/g, ' ').trim();
}
