import { fieldChecksum, sortFieldText } from '../../text/note-text';
import type { CardRow } from '../../model/types';

/**
 * A seeded collection description for the differential search test: explicit notes,
 * cards and revlog rows that both Engram and the official engine load verbatim.
 * Deck, notetype and preset ids differ between engines, so rows refer to them by name.
 */

export interface NotetypeSpec {
  name: string;
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
  /** Copy this stock notetype (e.g. a second cloze type) and add the extra fields. */
  base?: string;
  sortf?: number;
  cloze?: boolean;
}

export interface NoteSpec {
  id: number;
  guid: string;
  notetype: string;
  mod: number;
  usn: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
}

/** A card row with its decks named instead of numbered. */
export type CardSpec = Omit<CardRow, 'did' | 'odid'> & { deck: string; odeck?: string };

export interface RevlogSpec {
  id: number;
  cid: number;
  usn: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

export interface Dataset {
  crt: number;
  creationOffset: number;
  rollover: number;
  curDeck: string;
  presets: string[];
  decks: { name: string; preset?: string; filtered?: boolean }[];
  notetypes: NotetypeSpec[];
  notes: NoteSpec[];
  cards: CardSpec[];
  revlog: RevlogSpec[];
}

export interface Timing {
  daysElapsed: number;
  nextDayAt: number;
  now: number;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  some<T>(items: readonly T[], max: number): T[] {
    const count = this.int(0, max);
    const out = new Set<T>();
    for (let i = 0; i < count; i++) out.add(this.pick(items));
    return [...out];
  }
}

export const CUSTOM_NOTETYPES: NotetypeSpec[] = [
  {
    name: 'Vocab Ünï',
    fields: ['Word', 'Meaning', 'Example', 'Notes', 'Audio'],
    templates: [
      { name: 'Recognition', qfmt: '{{Word}}', afmt: '{{FrontSide}}<hr id=answer>{{Meaning}}' },
      { name: 'Production', qfmt: '{{Meaning}}', afmt: '{{FrontSide}}<hr id=answer>{{Word}}' },
      { name: 'Écoute', qfmt: '{{#Audio}}{{Audio}}{{/Audio}}', afmt: '{{FrontSide}}<hr id=answer>{{Word}}' },
    ],
    sortf: 1,
  },
  { name: 'Cloze Plus', base: 'Cloze', fields: ['Text', 'Back Extra', 'Source'], templates: [], cloze: true },
];

const STOCK_FIELDS: Record<string, string[]> = {
  Basic: ['Front', 'Back'],
  'Basic (and reversed card)': ['Front', 'Back'],
  'Basic (optional reversed card)': ['Front', 'Back', 'Add Reverse'],
  'Basic (type in the answer)': ['Front', 'Back'],
  Cloze: ['Text', 'Back Extra'],
};

export const DECKS = [
  'Default',
  'Lang',
  'Lang::French',
  'Lang::French::Verbs',
  'Lang::French::Nouns',
  'Lang::Deutsch',
  'Lang::Deutsch::Verben',
  'Science',
  'Science::Physics::Quantum',
  'Science::Bio',
  'Été::Vacances',
  'A_B::x*y',
  'Lang::Fr',
];

const WORDS = [
  'cat', 'dog', 'house', 'moon', 'earth', 'sun', 'tree', 'river', 'Hello', 'HELLO', 'hello', 'world', 'dogma',
  'catalog', 'bobcat', 'the', 'and', 'or', 'apple', 'banana', 'kiwi', 'zebra', 'quantum', 'physics', 'verb',
  'café', 'naïve', 'Straße', 'STRASSE', 'été', 'Été', 'ÉCOLE', 'école', 'Ärger', 'ärger', 'Øre', 'Łódź', 'œuvre',
  'smørrebrød', 'façade', 'résumé', 'Résumé', 'piñata', 'Привет', 'привет', 'ПРИВЕТ', 'кот', 'Σοφία', 'σοφία',
  'ΣΟΦΙΑ', '日本語', '漢字', '🌛', '🌏', '100%', 'a_b', 'a*b', 'back\\slash', '"quoted"', 'colon:here', '(paren)',
  '12', '1.5', '007', 'İstanbul', 'ıi', 'Kelvin', '\u212aelvin', 'ﬁsh', 'x-y', 'and/or', 'e-mail', 'under_score',
];

const HTML_BITS = [
  (w: string) => `<b>${w}</b>`,
  (w: string) => `<i>${w}</i>`,
  (w: string) => `<div>${w}</div>`,
  (w: string) => `${w}<br>`,
  (w: string) => `${w}&nbsp;${w}`,
  (w: string) => `${w} &amp; co`,
  (w: string) => `&lt;${w}&gt;`,
  (w: string) => `<img src="${w}.jpg">`,
  (w: string) => `<span style="color: red">${w}</span>`,
  (w: string) => `[sound:${w}.mp3]`,
];

export const TAGS = [
  'lang::fr', 'lang::de::verbs', 'lang::de::nouns', 'Geo::Europe::France', 'geo::asia', 'été', 'ÉCOLE',
  'école::primaire', 'marked', 'leech', 'Привет', 'a_b', 'x-y', '100%', 'math::algebra::linear', 'Math', 'ß',
  'naïve', 'lang', 'language', 'verbs', 'todo::later', 'ToDo', '\u212aelvin', 'Me\u017f\u017fe', 'desk',
];

export const PRESETS = ['Fast Ünï', 'Slow'];

function text(r: Random, words = 4): string {
  const parts: string[] = [];
  const n = r.int(1, words);
  for (let i = 0; i < n; i++) {
    const w = r.pick(WORDS);
    parts.push(r.chance(0.12) ? r.pick(HTML_BITS)(w) : w);
  }
  return parts.join(r.chance(0.15) ? '' : ' ');
}

function clozeText(r: Random): { text: string; ords: number[] } {
  const count = r.int(1, 3);
  const ords = new Set<number>();
  const parts: string[] = [text(r, 2)];
  for (let i = 0; i < count; i++) {
    const n = r.int(1, 3);
    ords.add(n - 1);
    const hint = r.chance(0.4) ? `::${r.pick(WORDS)}` : '';
    parts.push(`{{c${n}::${r.pick(WORDS)}${hint}}}`, text(r, 2));
  }
  return { text: parts.join(' '), ords: [...ords].sort((a, b) => a - b) };
}

/** Fields and card ords for one note of the given notetype. */
function noteContent(r: Random, notetype: string): { fields: string[]; ords: number[] } {
  switch (notetype) {
    case 'Basic (and reversed card)':
      return { fields: [text(r), text(r)], ords: [0, 1] };
    case 'Basic (optional reversed card)': {
      const reverse = r.chance(0.5) ? 'y' : '';
      return { fields: [text(r), text(r), reverse], ords: reverse ? [0, 1] : [0] };
    }
    case 'Cloze':
    case 'Cloze Plus': {
      const cloze = clozeText(r);
      const extra = r.chance(0.5) ? text(r) : '';
      const fields = notetype === 'Cloze' ? [cloze.text, extra] : [cloze.text, extra, r.chance(0.5) ? text(r, 2) : ''];
      return { fields, ords: cloze.ords };
    }
    case 'Vocab Ünï': {
      const audio = r.chance(0.4) ? `[sound:${r.pick(WORDS)}.mp3]` : '';
      const fields = [text(r, 2), text(r, 3), r.chance(0.7) ? text(r, 6) : '', r.chance(0.3) ? text(r, 3) : '', audio];
      return { fields, ords: audio ? [0, 1, 2] : [0, 1] };
    }
    default:
      return { fields: [r.chance(0.05) ? r.pick(['12', '1.5', '007', '']) || 'x' : text(r), r.chance(0.1) ? '' : text(r)], ords: [0] };
  }
}

function tagsColumn(r: Random): string {
  const chosen = new Map<string, string>();
  for (const tag of r.some(TAGS, 3)) chosen.set(tag.toLowerCase(), tag);
  const tags = [...chosen.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return tags.length ? ` ${tags.join(' ')} ` : '';
}

/** Unique millisecond ids spread over the last `days` days, none in the future. */
class IdPool {
  private readonly used = new Set<number>();
  constructor(
    private readonly r: Random,
    private readonly nowMs: number,
  ) {}
  take(days: number): number {
    for (;;) {
      const id = this.nowMs - 5_000 - this.r.int(0, days * 86_400_000);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

interface CardState {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
}

/** A learning due time in seconds that keeps clear of the is:due boundary (now + 1200), so clock skew between engines cannot matter. */
function learnDue(r: Random, t: Timing): number {
  for (;;) {
    const due = t.now + r.int(-86_400, 86_400);
    if (Math.abs(due - (t.now + 1200)) > 900) return due;
  }
}

function cardState(r: Random, t: Timing, position: number): CardState {
  const roll = r.next();
  const factor = r.pick([1300, 1850, 2050, 2300, 2500, 2650, 2800, 3100]);
  if (roll < 0.35) return { type: 0, queue: 0, due: position, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0 };
  if (roll < 0.45) {
    const dayLearn = r.chance(0.3);
    return {
      type: 1,
      queue: dayLearn ? 3 : 1,
      due: dayLearn ? t.daysElapsed + r.int(-3, 3) : learnDue(r, t),
      ivl: 0,
      factor: 0,
      reps: r.int(1, 4),
      lapses: 0,
      left: r.pick([1, 2, 1001, 2002]),
    };
  }
  if (roll < 0.85) {
    return {
      type: 2,
      queue: 2,
      due: t.daysElapsed + r.int(-40, 90),
      ivl: r.int(1, 400),
      factor,
      reps: r.int(1, 40),
      lapses: r.int(0, 8),
      left: r.chance(0.1) ? 1001 : 0,
    };
  }
  const dayLearn = r.chance(0.3);
  return {
    type: 3,
    queue: dayLearn ? 3 : 1,
    due: dayLearn ? t.daysElapsed + r.int(-3, 3) : learnDue(r, t),
    ivl: r.int(1, 60),
    factor,
    reps: r.int(2, 30),
    lapses: r.int(1, 9),
    left: r.int(1, 3),
  };
}

function cardData(r: Random, state: CardState, t: Timing): string {
  if (state.type === 0) return r.chance(0.9) ? '{}' : r.chance(0.5) ? '' : '{"pos":5}';
  const roll = r.next();
  if (roll < 0.25) return r.pick(['{}', '', '{"pos":12}', '{bad json', '{"cd":5}']);
  const data: Record<string, unknown> = {
    s: Math.round(r.next() * 300 * 10_000) / 10_000 + 0.1,
    d: Math.round((1 + r.next() * 9) * 1000) / 1000,
  };
  if (r.chance(0.7)) data.dr = r.pick([0.85, 0.9, 0.95]);
  if (r.chance(0.5)) data.decay = r.pick([0.1542, 0.5, 0.2]);
  if (r.chance(0.6)) data.lrt = t.now - r.int(3_600, 86_400 * 120);
  if (r.chance(0.2)) data.pos = r.int(1, 4000);
  if (r.chance(0.25)) data.cd = JSON.stringify({ x: r.int(0, 10), name: r.pick(['abc', 'Zeta', 'été']), f: r.next() > 0.5 });
  return JSON.stringify(data);
}

/** Builds the dataset for `notes` notes, relative to the engines' shared timing. */
export function buildDataset(seed: number, noteCount: number, t: Timing, nowMs: number, rollover: number, crt: number, creationOffset: number): Dataset {
  const r = new Random(rng(seed));
  const ids = new IdPool(r, nowMs);
  const notetypes = [...Object.keys(STOCK_FIELDS), ...CUSTOM_NOTETYPES.map((n) => n.name)];
  const normalDecks = DECKS;
  const filteredDecks = ['Filtered Ü', 'Cram'];
  const notes: NoteSpec[] = [];
  const cards: CardSpec[] = [];
  const revlog: RevlogSpec[] = [];
  let position = 1;
  let filteredSeq = 0;
  for (let i = 0; i < noteCount; i++) {
    const notetype = r.pick(notetypes);
    const { fields, ords } = noteContent(r, notetype);
    const sortf = CUSTOM_NOTETYPES.find((n) => n.name === notetype)?.sortf ?? 0;
    const nid = ids.take(90);
    const flds = fields.map((f) => f.normalize('NFC'));
    if (r.chance(0.01)) flds[0] = flds[0]!.normalize('NFD');
    notes.push({
      id: nid,
      guid: `g${seed}-${i}`,
      notetype,
      mod: Math.floor(nid / 1000) + r.int(0, 86_400 * 30),
      usn: r.pick([-1, 0]),
      tags: tagsColumn(r),
      flds: flds.join('\x1f'),
      sfld: sortFieldText(flds[sortf] ?? ''),
      csum: fieldChecksum(flds[0] ?? ''),
    });
    const homeDeck = r.pick(normalDecks);
    for (const ord of ords) {
      const cid = ids.take(90);
      const state = cardState(r, t, position);
      const card: CardSpec = {
        id: cid,
        nid,
        deck: r.chance(0.8) ? homeDeck : r.pick(normalDecks),
        ord,
        mod: Math.floor(cid / 1000),
        usn: -1,
        ...state,
        odue: 0,
        flags: r.chance(0.2) ? r.int(1, 7) + (r.chance(0.2) ? 8 : 0) : 0,
        data: cardData(r, state, t),
      };
      const modifier = r.next();
      if (modifier < 0.05) card.queue = -1;
      else if (modifier < 0.08) card.queue = -2;
      else if (modifier < 0.11) card.queue = -3;
      else if (modifier < 0.17) {
        card.odeck = card.deck;
        card.deck = r.pick(filteredDecks);
        card.odue = card.due;
        card.due = card.type === 0 ? card.due : -100_000 + filteredSeq++;
        if (r.chance(0.2) && card.type !== 0) {
          card.queue = 4;
          card.due = learnDue(r, t);
        }
      }
      cards.push(card);
      if (card.reps > 0) revlog.push(...revlogFor(r, ids, card));
    }
    position++;
  }
  return {
    crt,
    creationOffset,
    rollover,
    curDeck: 'Lang::French',
    presets: PRESETS,
    decks: [
      ...normalDecks.filter((d) => d !== 'Default').map((name) => ({ name, preset: presetFor(name) })),
      ...filteredDecks.map((name) => ({ name, filtered: true })),
    ],
    notetypes: CUSTOM_NOTETYPES,
    notes,
    cards,
    revlog,
  };
}

function presetFor(deck: string): string | undefined {
  if (deck.startsWith('Lang::French')) return 'Fast Ünï';
  if (deck.startsWith('Science')) return 'Slow';
  return undefined;
}

function revlogFor(r: Random, ids: IdPool, card: CardSpec): RevlogSpec[] {
  const rows: RevlogSpec[] = [];
  const count = r.int(1, 5);
  for (let i = 0; i < count; i++) {
    const ease = r.chance(0.1) ? 0 : r.int(1, 4);
    rows.push({
      id: ids.take(r.chance(0.3) ? 3 : 60),
      cid: card.id,
      usn: -1,
      ease,
      ivl: r.chance(0.3) ? -r.int(60, 3600) : r.int(1, 200),
      lastIvl: r.int(-600, 100),
      factor: ease === 0 ? 0 : r.pick([0, 2500, 2650]),
      time: r.int(500, 60_000),
      type: ease === 0 ? 4 : r.int(0, 3),
    });
  }
  return rows;
}

/** The fields of each notetype in the dataset, by name (stock ones included). */
export function notetypeFields(): Record<string, string[]> {
  return { ...STOCK_FIELDS, ...Object.fromEntries(CUSTOM_NOTETYPES.map((n) => [n.name, n.fields])) };
}
