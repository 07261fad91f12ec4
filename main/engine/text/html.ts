/** HTML helpers with Anki's semantics (rslib/src/text.rs). */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  times: '\u00d7',
  divide: '\u00f7',
  deg: '\u00b0',
  middot: '\u00b7',
  laquo: '\u00ab',
  raquo: '\u00bb',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  sect: '\u00a7',
  para: '\u00b6',
  bull: '\u2022',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const COMMENTS = /<!--.*?-->/gs;
const STYLE_SCRIPT = /<(style|script)\b[^>]*>.*?<\/\1>/gis;
const TAGS = /<[^>]*>/gs;
const MEDIA_TAG = /<(?:img|audio|video|object|source)\b[^>]*?\b(?:src|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gis;

/** Removes tags, comments, style and script blocks, then decodes entities (nbsp → space). */
export function stripHtml(html: string): string {
  const withoutTags = html.replace(COMMENTS, '').replace(STYLE_SCRIPT, '').replace(TAGS, '');
  return decodeEntities(withoutTags).replace(/\u00a0/g, ' ');
}

/** Like stripHtml, but media tags leave their file name (padded with spaces) behind. */
export function stripHtmlPreservingMediaFilenames(html: string): string {
  const withNames = html.replace(MEDIA_TAG, (_m, dq?: string, sq?: string, bare?: string) => ` ${dq ?? sq ?? bare ?? ''} `);
  return stripHtml(withNames);
}
