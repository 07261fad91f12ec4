/** HTML helpers with Anki's semantics (rslib/src/text.rs and the `htmlescape` crate). */
import { HTML4_ENTITIES } from './entities';

const NAMED = new Map<string, number>(Object.entries(HTML4_ENTITIES));

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHexDigit = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

function codePointToString(code: number): string | undefined {
  const valid = Number.isSafeInteger(code) && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : undefined;
}

/**
 * htmlescape's strict decoder: every `&` must start a known named entity or a well-formed
 * `&#123;` / `&#x1F;` reference ending in `;`. Anything else makes the whole decode fail.
 */
function strictDecode(text: string): string | undefined {
  let out = '';
  let state: 'normal' | 'entity' | 'named' | 'numeric' | 'dec' | 'hex' = 'normal';
  let buf = '';
  for (const c of text) {
    switch (state) {
      case 'normal':
        if (c === '&') state = 'entity';
        else out += c;
        break;
      case 'entity':
        if (c === '#') state = 'numeric';
        else {
          state = 'named';
          buf = c;
        }
        break;
      case 'named':
        if (c !== ';') buf += c;
        else {
          const code = NAMED.get(buf);
          if (code === undefined) return undefined;
          out += String.fromCodePoint(code);
          buf = '';
          state = 'normal';
        }
        break;
      case 'numeric':
        if (isDigit(c)) {
          state = 'dec';
          buf = c;
        } else if (c === 'x') {
          state = 'hex';
          buf = '';
        } else return undefined;
        break;
      case 'dec':
      case 'hex': {
        if (c === ';') {
          if (!buf) return undefined;
          const decoded = codePointToString(parseInt(buf, state === 'dec' ? 10 : 16));
          if (decoded === undefined) return undefined;
          out += decoded;
          buf = '';
          state = 'normal';
        } else if (state === 'dec' ? isDigit(c) : isHexDigit(c)) buf += c;
        else return undefined;
        break;
      }
    }
  }
  return state === 'normal' ? out : undefined;
}

/**
 * Anki's decode_entities: when the text holds a `&`, decode it strictly and turn NBSP into
 * spaces; if any reference is malformed or unknown, the text is returned unchanged.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const decoded = strictDecode(text);
  return decoded === undefined ? text : decoded.replace(/\u00a0/g, ' ');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Comments, style and script blocks, then any tag; one alternation, leftmost first, like Anki's. */
const HTML = /(<!--.*?-->)|(<style.*?>.*?<\/style>)|(<script.*?>.*?<\/script>)|(<.*?>)/gisu;

/** Rust regex `\w` (Unicode): Alphabetic, marks, decimal digits, connector punctuation, joiners. */
const RUST_WORD = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]`;

/** Anki's HTML_MEDIA_TAGS: img/audio/video/object/source with a src or data attribute. */
export const HTML_MEDIA_TAGS = new RegExp(
  String.raw`<(?:img|audio|video|object|source)(?!${RUST_WORD})` +
    String.raw`(?:[^>]|"[^"]+?"|'[^']+?')+?` +
    String.raw`(?<!${RUST_WORD})(?:src|data)=` +
    String.raw`(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))`,
  'gisu',
);

/** Removes comments, style/script blocks and tags, keeping entities as they are. */
export function stripHtmlPreservingEntities(html: string): string {
  return html.replace(HTML, '');
}

/** Removes tags, comments, style and script blocks, then decodes entities (Anki's strip_html). */
export function stripHtml(html: string): string {
  return decodeEntities(stripHtmlPreservingEntities(html));
}

/** Like stripHtml, but media tags leave their file name (padded with spaces) behind. */
export function stripHtmlPreservingMediaFilenames(html: string): string {
  const withNames = html.replace(
    HTML_MEDIA_TAGS,
    (_m, dq: string | undefined, sq: string | undefined, bare: string | undefined) => ` ${dq ?? sq ?? bare ?? ''} `,
  );
  return stripHtml(withNames);
}
