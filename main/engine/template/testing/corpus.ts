/**
 * A deterministic corpus of notetypes and notes for the rendering oracle test: stock and
 * custom notetypes, and notes mixing HTML, entities, media, furigana, RTL, clozes and
 * empty fields. Shared by render.oracle.test.ts and main/testing/oracle/render.py's input.
 */
import type { Notetype } from '../../model/types';
import { NotetypeKind } from '../../model/types';
import { DEFAULT_CSS, emptyNotetype, newField, newTemplate } from '../../notetypes/stock';

export interface CorpusTemplate {
  name: string;
  qfmt: string;
  afmt: string;
  bqfmt?: string;
  bafmt?: string;
}

export interface CorpusNotetype {
  name: string;
  type: NotetypeKind;
  fields: string[];
  templates: CorpusTemplate[];
  sortf?: number;
  css?: string;
}

export interface CorpusNote {
  notetype: string;
  fields: string[];
  tags: string[];
  deck: string;
  flag: number;
}

export const CUSTOM_NOTETYPES: CorpusNotetype[] = [
  {
    name: 'Custom Conditional',
    type: NotetypeKind.Normal,
    fields: ['Front', 'Back', 'Extra', 'Notes'],
    css: '.card { direction: rtl; }\n',
    templates: [
      {
        name: 'Forward',
        qfmt: '{{#Extra}}Extra: {{Extra}}{{/Extra}}{{^Extra}}No extra{{/Extra}} {{Front}}',
        afmt: '{{FrontSide}}<hr id=answer>{{Back}} {{#Tags}}[{{Tags}}]{{/Tags}}{{^Tags}}untagged{{/Tags}}',
        bqfmt: '{{text:Front}}',
      },
      {
        name: 'Notes',
        qfmt: '{{#Notes}}{{Back}}{{/Notes}}',
        afmt: '{{FrontSide}}|{{text:Notes}}|{{text:FrontSide}}',
        bafmt: '{{Notes}}',
      },
      { name: 'No front', qfmt: '{{^Front}}{{Back}}{{/Front}}', afmt: '{{Back}}<!-- {{Nope}} -->' },
      {
        name: 'Specials ★',
        qfmt: '{{Tags}} – {{Deck}}',
        afmt: '{{Subdeck}}|{{Card}}|{{CardFlag}}|{{Type}}|{{CardID}}|{{#CardFlag}}flagged{{/CardFlag}}',
      },
    ],
  },
  {
    name: 'Custom Filters 日本語',
    type: NotetypeKind.Normal,
    fields: ['Expression', 'Reading', 'Meaning', 'Audio'],
    sortf: 2,
    templates: [
      {
        name: 'Recognition',
        qfmt:
          '{{furigana:Reading}}<br>{{kanji:Reading}} {{kana:Reading}} {{text:kanji:Reading}} {{hint:Meaning}} ' +
          '{{tts ja_JP voices=Apple_Otoya speed=0.8:Expression}}',
        afmt:
          '{{FrontSide}}<hr id=answer>{{type:Meaning}} {{Audio}} {{unknownfilter:Meaning}} ' +
          '{{text:unknownfilter:Meaning}} {{cloze:Meaning}} {{cloze-only:Meaning}}',
      },
      {
        name: 'Meaning',
        qfmt: '{{Meaning}}<!-- {{Nonexistent}} -->{{#c2}}c2{{/c2}}{{^c1}}not c1{{/c1}} {{ Expression }} {{{Reading}}}',
        afmt: '{{FrontSide}} {{type:nc:Expression}} {{tts en_US:Meaning}} {{tts :Meaning}} {{::Meaning}} {{foo:}}',
      },
      { name: 'Broken back', qfmt: '{{Audio}}', afmt: '{{text:foo:Missing}}' },
      { name: 'Broken front', qfmt: '{{#Meaning}}{{Meaning}}', afmt: '{{Meaning}}' },
    ],
  },
  {
    name: 'Custom Cloze',
    type: NotetypeKind.Cloze,
    fields: ['Text', 'Extra', 'Hidden'],
    templates: [
      {
        name: 'Cloze ✓',
        qfmt: '{{cloze:Text}}{{#Extra}}<div>{{Extra}}</div>{{/Extra}} {{cloze-only:Text}} {{type:cloze:Text}}',
        afmt: '{{cloze:Text}}<br>{{Extra}} {{cloze:Hidden}} {{Card}} {{#c3}}third{{/c3}}',
      },
    ],
  },
  {
    name: 'Custom Legacy',
    type: NotetypeKind.Normal,
    fields: ['Front', 'Back'],
    sortf: 1,
    templates: [
      {
        name: 'Card 1',
        qfmt: '{{=<% %>=}}<%Front%> <%#Back%>has back<%/Back%> {{Front}}',
        afmt: '{{=<% %>=}}<%FrontSide%><hr><%Back%>',
      },
    ],
  },
  {
    name: 'Custom Occlusion',
    type: NotetypeKind.Cloze,
    fields: ['Occlusion', 'Image'],
    templates: [{ name: 'Occlusion', qfmt: '{{cloze:Occlusion}}{{Image}}', afmt: '{{cloze:Occlusion}}{{Image}}' }],
  },
];

/** Engram's notetype for a corpus spec (ids are irrelevant to rendering). */
export function corpusNotetype(spec: CorpusNotetype): Notetype {
  const nt = emptyNotetype(spec.name, spec.type);
  nt.flds = spec.fields.map((name, ord) => newField(name, ord));
  nt.tmpls = spec.templates.map((t, ord) => ({
    ...newTemplate(t.name, ord, t.qfmt, t.afmt),
    bqfmt: t.bqfmt ?? '',
    bafmt: t.bafmt ?? '',
  }));
  nt.sortf = spec.sortf ?? 0;
  // Anki's models.new() starts every notetype, cloze or not, with the default CSS.
  nt.css = spec.css ?? DEFAULT_CSS;
  return nt;
}

/** mulberry32: small, seeded, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXT_PIECES = [
  'hello',
  'café crème',
  'Ångström',
  'e\u0301tude',
  'naïve résumé',
  '日本[にほん]語[ご]',
  '漢字[かんじ]',
  ' 食[た]べる',
  'שלום עולם',
  'مرحبا',
  '<b>bold</b>',
  '<i>it</i>&nbsp;x',
  '<div>block</div>',
  '<br>',
  '<div><br></div>',
  'Tom &amp; Jerry',
  'Tom & Jerry',
  'it&apos;s',
  '&lt;tag&gt;',
  '&#x41;&#66;',
  '<img src="a.jpg">',
  "<img src='b c.png' alt=x>",
  '<img alt="x" src=d.gif>',
  '[sound:b.mp3]',
  '[sound:voice &amp; me.ogg]',
  '<audio src="e.mp3"></audio>',
  '[$]x^2[/$]',
  '\\(x^2 + <b>y</b>\\)',
  '[anki:tts lang=en_US]spoken[/anki:tts]',
  '<!-- comment -->',
  '<style>.x{}</style>',
  '  ',
  'line1\nline2',
  'ctrl\u0001char',
  '{{c1::not a cloze in a normal note}}',
  '}}',
  '42',
  '<IMG SRC="UPPER.JPG">',
  '<img src=x.jpg/>',
  '<img data-src="lazy.png">',
  '<img altsrc="n.png" src="y.png">',
  '<object data="f.swf"></object>',
  '<source src="v.webm">',
  '[sound:]',
  '[sound:a.mp3]]',
  'word[sound:w.mp3]',
  '<b>日本</b>[にほん]',
  '&nbsp;東京[とうきょう]&nbsp;',
  '\\[a<i>b</i>\\]',
  '[anki:foo a=b]directive[/anki:foo]',
  '&#xD800;',
  '&#X41;',
]

const CLOZE_PIECES = [
  '{{c1::Paris}} is in {{c2::France::country}}',
  '{{c1::outer {{c2::inner}}::hint}}',
  '{{c3::three}} and {{c1,2::both}}',
  '{{c0::never}}',
  '{{c2::<b>bold</b> answer}}',
  '{{c1::東京}}[とうきょう]',
  '\\({{c1::E}}=mc^2\\)',
  '{{c1::unclosed',
  '{{c12::twelve}}',
  'no clozes here',
  '{{c1::a::h1}} {{c1::b}}',
  '{{c01::leading zero}}',
  '{{c1::x::}}',
  '{{c2::a::b::c}}',
  '{{c1::}}',
  '{{c1::a}}}',
  '\\[{{c2::<i>m</i>}}\\]',
  '{{c1::<img src="cl.png">}} [sound:c.mp3]',
];

const OCCLUSIONS = [
  '{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}',
  '{{c2::image-occlusion:polygon:points=0,0 10,10 20,0:oi=1}}',
  '{{c1,3::image-occlusion:ellipse:left=1:top=2:width=3:height=4:rx=5:ry=0}}',
  '{{c0::image-occlusion:text:text=\\:lol\\::left=10:fs=0.5}}',
];

const DECKS = ['Default', 'Lang::日本語', 'Lang::Français::Vocab'];
const TAGS = ['t1', '日本', 'marked', 'a::b', 'Zeta'];

export function generateNotes(seed: number, count: number, notetypes: readonly CorpusNotetype[]): CorpusNote[] {
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const text = (pieces: readonly string[], max: number): string => {
    if (rand() < 0.2) return '';
    return Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(pieces)).join(pick([' ', '', '<br>']));
  };
  const notes: CorpusNote[] = [];
  for (let i = 0; i < count; i++) {
    const nt = notetypes[i % notetypes.length];
    if (!nt) continue;
    const fields = nt.fields.map((name, ord) => {
      if (nt.name === 'Custom Occlusion') return ord === 0 ? text(OCCLUSIONS, 3) : '<img src="occluded.png">';
      if (name === 'Add Reverse') return pick(['', 'y', ' ', '<br>']);
      const clozeField = nt.type === NotetypeKind.Cloze && (ord === 0 || rand() < 0.15);
      return clozeField ? text(CLOZE_PIECES, 3) : text(TEXT_PIECES, 3);
    });
    const tags = rand() < 0.5 ? [] : Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(TAGS));
    notes.push({ notetype: nt.name, fields, tags: [...new Set(tags)], deck: pick(DECKS), flag: rand() < 0.3 ? Math.floor(rand() * 8) : 0 });
  }
  return notes;
}

/** Hand-picked notes for behaviours a random corpus may miss. */
export const EDGE_NOTES: CorpusNote[] = [
  { notetype: 'Basic', fields: ['', 'back only'], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Basic', fields: ['<br><div> </div>', 'blank-looking front'], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Basic', fields: ['&nbsp;', 'nbsp is not empty'], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Basic (and reversed card)', fields: ['front', ''], tags: ['x'], deck: 'Default', flag: 1 },
  { notetype: 'Basic (optional reversed card)', fields: ['f', 'b', 'y'], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Basic (optional reversed card)', fields: ['f', '', 'y'], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Basic (type in the answer)', fields: ['', 'typed'], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Cloze', fields: ['no clozes', 'extra'], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Cloze', fields: ['{{c600::far}} {{c99999::huge}} {{c2,1,,2::w}}', ''], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Cloze', fields: ['{{c1::a}}', 'only in extra {{c3::x}}'], tags: [], deck: 'Default', flag: 0 },
  {
    notetype: 'Cloze',
    fields: ['{{c1::1{{c1::2{{c1::3{{c1::4{{c1::5{{c1::6{{c1::7{{c1::8{{c1::9{{c1::10{{c1::11}}}}}}}}}}}}}}}}}}}}}}', ''],
    tags: [],
    deck: 'Default',
    flag: 0,
  },
  { notetype: 'Custom Conditional', fields: ['', 'b', '', ''], tags: [], deck: 'Lang::日本語', flag: 7 },
  { notetype: 'Custom Conditional', fields: ['f', 'b', 'e', 'n'], tags: ['z', 'A'], deck: 'Default', flag: 2 },
  { notetype: 'Custom Cloze', fields: ['plain', '', '{{c2::hidden}}'], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Custom Legacy', fields: ['front', '007'], tags: [], deck: 'Default', flag: 0 },
  { notetype: 'Custom Legacy', fields: ['front', '12'], tags: [], deck: 'Default', flag: 0 },
  {
    notetype: 'Custom Filters 日本語',
    fields: ['x'.repeat(1500), '日本[にほん]'.repeat(300), 'ü'.repeat(700), '[sound:a.mp3][sound:b.mp3]'],
    tags: [],
    deck: 'Default',
    flag: 0,
  },
];

const PROBE_EXTRAS = [
  '[anki:tts lang=en_US voices=A,B speed=0.8 foo=bar]hi <br>[...]<b>x</b>[/anki:tts]',
  '[anki:tts lang=ja_JP cloze_blank=ブランク speed=fast]x[...]<div>y</div>[/anki:tts]',
  '[anki:tts lang="en US" speed=1e1 voices=]q &amp; a[/anki:tts]',
  '[anki:tts]no lang[/anki:tts]',
  '[anki:tts lang=en_US]unclosed',
  '[anki:foo\na=b ]x[/anki:foo]',
  '[anki:foo a="b c" ]y[/anki:foo]',
  '[anki:foo a="unterminated]z[/anki:foo]',
  '[anki:play:q:0] [sound:dir/sub/file.mp3] [sound:a\nb.mp3]',
  '[latex]one<br>and<div>two[/latex] [$$]\\sum[/$$] [$]<b>x</b>&nbsp;y[/$]',
  '{{c1::[latex]a[/latex]}} {{c2::[$]b[/$]::hint}}',
  '<p>para</p><hr>rule<!-- c --><script>var x = "<b>";</script>end',
  '&amp;&lt;&gt;&quot;&#39;&#x27;&nbsp;&copy;&hellip;&euro;',
  'bad &notanentity; entity',
  '&#;',
  '&#x;',
  '&#0;',
  '&#1114112;',
  '<img src="a&amp;b.jpg">',
  '<img\nsrc="multi\nline.png">',
  '<imgx src="no.png">',
  "<img alt='it\"s' src='q.png'>",
  '<video src=v.mp4 controls></video>',
  '<img src="">',
];

/** Strings for probing the text helpers: every piece alone, extras, and random mixes. */
export function generateProbes(seed: number, count: number): string[] {
  const rand = prng(seed);
  const pieces = [...TEXT_PIECES, ...CLOZE_PIECES, ...OCCLUSIONS, ...PROBE_EXTRAS];
  const pick = (): string => pieces[Math.floor(rand() * pieces.length)] ?? '';
  const mixes = Array.from({ length: count }, () => Array.from({ length: 2 + Math.floor(rand() * 4) }, pick).join(' '));
  return [...pieces, ...mixes];
}
