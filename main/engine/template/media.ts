/** Media file names referenced by field text (rslib/src/text.rs `extract_media_refs`). */
import { decodeEntities, HTML_MEDIA_TAGS } from '../text/html';

const SOUND_TAGS = /\[sound:(.+?)\]/gsu;

/**
 * Files referenced by `<img|audio|video|object|source src|data=…>` tags and `[sound:…]`
 * tags, entities decoded, in Anki's order (HTML tags first, then sound tags).
 */
export function mediaReferences(fieldText: string): string[] {
  const names: string[] = [];
  for (const m of fieldText.matchAll(HTML_MEDIA_TAGS)) names.push(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
  for (const m of fieldText.matchAll(SOUND_TAGS)) names.push(decodeEntities(m[1] ?? ''));
  return names;
}
