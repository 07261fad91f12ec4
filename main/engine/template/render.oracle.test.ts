/**
 * Proves card generation, rendering, requirements, sfld and csum against the official
 * Anki engine (main/testing/oracle/render.py, anki==26.9.3).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Notetype } from '../model/types';
import { stockNotetypes } from '../notetypes/stock';
import { runOracle } from '../../testing/oracle';
import {
  canonicalTagList,
  fieldChecksum,
  normalizeFieldText,
  sortFieldText,
  stripHtml,
  stripHtmlPreservingMediaFilenames,
} from '../text';
import type { AvTag, ExtractedLatex } from './index';
import {
  cardOrdsForNewNote,
  computeRequirements,
  extractAvTags,
  extractLatex,
  latexImageReferences,
  renderCard,
  stripAvTags,
} from './index';
import type { CorpusNote, CorpusNotetype } from './testing/corpus';
import { CUSTOM_NOTETYPES, corpusNotetype, EDGE_NOTES, generateNotes, generateProbes } from './testing/corpus';

interface OracleCard {
  ord: number;
  id: number;
  question: string;
  answer: string;
  browserQuestion: string;
  browserAnswer: string;
}

interface OracleNote {
  ords: number[];
  cards: OracleCard[];
  storedFields: string[];
  storedTags: string[];
  sfld: string | number;
  csum: number;
  fieldsCheck: string;
}

type LegacyDict = Record<string, unknown> & { name: string; req: unknown; flds: Record<string, unknown>[]; tmpls: Record<string, unknown>[] };

interface OracleProbe {
  stripHtml: string;
  stripHtmlPreservingMedia: string;
  stripAvTags: string;
  avText: string;
  avTags: AvTag[];
  latex: { text: string; latex: ExtractedLatex[] };
  latexExpanded: { text: string; latex: ExtractedLatex[] };
}

interface OracleOutput {
  stock: LegacyDict[];
  notetypes: Record<string, LegacyDict>;
  notes: OracleNote[];
  probes: OracleProbe[];
}

const SEED = 20260923;

/** Markers counted in Anki's output, to show what the corpus exercises. */
const FEATURES: Record<string, string> = {
  templateError: 'template has a problem',
  missingCloze: 'No cloze',
  blankFront: 'front of this card is blank',
  avTag: '[anki:play:',
  ttsError: 'Error in directive',
  furigana: '<ruby>',
  hint: 'class=hint',
  latex: 'class=latex',
  activeCloze: 'data-cloze=',
  inactiveCloze: 'cloze-inactive',
  occlusion: 'data-shape=',
  typeAnswer: '[[type:',
  comment: '<!--',
};
const RANDOM_NOTES = 240;

const stock = stockNotetypes();
const notetypes = new Map<string, Notetype>([
  ...stock.map((nt) => [nt.name, nt] as const),
  ...CUSTOM_NOTETYPES.map((spec) => [spec.name, corpusNotetype(spec)] as const),
]);
const generationSpecs: CorpusNotetype[] = [
  ...stock.map((nt) => ({ name: nt.name, type: nt.type, fields: nt.flds.map((f) => f.name), templates: [] })),
  ...CUSTOM_NOTETYPES,
];
const notes: CorpusNote[] = [...generateNotes(SEED, RANDOM_NOTES, generationSpecs), ...EDGE_NOTES];
const probes = generateProbes(SEED, 150);

let oracle: OracleOutput;

beforeAll(() => {
  oracle = runOracle<OracleOutput>('render.py', { notetypes: CUSTOM_NOTETYPES, notes, probes });
}, 120_000);

function withoutId(record: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...record };
  delete copy.id;
  return copy;
}

function sameSortField(ours: string, stored: string | number): boolean {
  return typeof stored === 'number' ? Number(ours) === stored : ours === stored;
}

describe('stock notetypes', () => {
  it('match Anki in every property except ids', () => {
    const anki = oracle.stock.filter((nt) => notetypes.has(nt.name) && stock.some((s) => s.name === nt.name));
    expect(anki.map((nt) => nt.name)).toEqual(stock.map((nt) => nt.name));
    for (const [i, ours] of stock.entries()) {
      const theirs = anki[i] as LegacyDict;
      const pick = (nt: Record<string, unknown>) => ({
        name: nt.name,
        type: nt.type,
        sortf: nt.sortf,
        css: nt.css,
        latexPre: nt.latexPre,
        latexPost: nt.latexPost,
        latexsvg: nt.latexsvg,
        originalStockKind: nt.originalStockKind,
      });
      expect(pick(ours as unknown as Record<string, unknown>)).toEqual(pick(theirs));
      expect(ours.flds.map((f) => withoutId({ ...f }))).toEqual(theirs.flds.map(withoutId));
      expect(ours.tmpls.map((t) => withoutId({ ...t }))).toEqual(theirs.tmpls.map(withoutId));
      expect(computeRequirements(ours)).toEqual(theirs.req);
    }
  });

  it('custom notetypes get the same req cache', () => {
    for (const spec of CUSTOM_NOTETYPES) {
      expect(computeRequirements(corpusNotetype(spec)), spec.name).toEqual(oracle.notetypes[spec.name]?.req);
    }
  });
});

describe('notes and cards', () => {
  it('generate, store and render exactly like Anki', () => {
    const failures: string[] = [];
    const fail = (i: number, what: string, ours: unknown, theirs: unknown) =>
      failures.push(`note ${i} (${notes[i]?.notetype}) ${what}:\n  ours:   ${JSON.stringify(ours)}\n  theirs: ${JSON.stringify(theirs)}`);
    let cards = 0;
    const checks: Record<string, number> = {};
    const features: Record<string, number> = {};
    for (const [i, note] of notes.entries()) {
      const result = oracle.notes[i];
      const notetype = notetypes.get(note.notetype);
      if (!result || !notetype) throw new Error(`missing oracle result or notetype for note ${i}`);
      checks[result.fieldsCheck] = (checks[result.fieldsCheck] ?? 0) + 1;
      const fields = note.fields.map(normalizeFieldText);
      const tags = canonicalTagList(note.tags);
      if (JSON.stringify(fields) !== JSON.stringify(result.storedFields)) fail(i, 'stored fields', fields, result.storedFields);
      if (JSON.stringify(tags) !== JSON.stringify(result.storedTags)) fail(i, 'tags', tags, result.storedTags);
      const sfld = sortFieldText(fields[notetype.sortf] ?? '');
      if (!sameSortField(sfld, result.sfld)) fail(i, 'sfld', sfld, result.sfld);
      const csum = fieldChecksum(fields[0] ?? '');
      if (csum !== result.csum) fail(i, 'csum', csum, result.csum);
      const ords = cardOrdsForNewNote(notetype, fields, { tags: result.storedTags });
      if (JSON.stringify(ords) !== JSON.stringify(result.ords)) fail(i, 'ords', ords, result.ords);
      for (const card of result.cards) {
        cards++;
        for (const [feature, marker] of Object.entries(FEATURES)) {
          if ((card.question + card.answer).includes(marker)) features[feature] = (features[feature] ?? 0) + 1;
        }
        const input = {
          notetype,
          fields: result.storedFields,
          cardOrd: card.ord,
          tags: result.storedTags,
          deckName: note.deck,
          cardFlag: note.flag,
          cardId: card.id,
        };
        const ours = renderCard(input);
        if (ours.question !== card.question) fail(i, `card ${card.ord} question`, ours.question, card.question);
        if (ours.answer !== card.answer) fail(i, `card ${card.ord} answer`, ours.answer, card.answer);
        const browser = renderCard({ ...input, browser: true });
        if (browser.question !== card.browserQuestion) fail(i, `card ${card.ord} browser question`, browser.question, card.browserQuestion);
        if (browser.answer !== card.browserAnswer) fail(i, `card ${card.ord} browser answer`, browser.answer, card.browserAnswer);
      }
    }
    console.log(
      `render oracle: ${notes.length} notes, ${cards} cards over ${notetypes.size} notetypes; ` +
        `Add-dialog checks ${JSON.stringify(checks)}; cards showing ${JSON.stringify(features)}; ` +
        `${failures.length} mismatches`,
    );
    expect(failures.slice(0, 10).join('\n')).toBe('');
  });
});

/** Anki's desktop plays sound files by base name; speeds travel as 32-bit floats. */
function asDesktopSees(tag: AvTag): AvTag {
  if (tag.kind === 'sound') return { ...tag, filename: tag.filename.slice(tag.filename.lastIndexOf('/') + 1) };
  return { ...tag, speed: Math.fround(tag.speed) };
}

describe('text helpers', () => {
  it('strip HTML, AV tags and LaTeX exactly like the Rust backend', () => {
    const failures: string[] = [];
    const check = (i: number, what: string, ours: unknown, theirs: unknown) => {
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        failures.push(`probe ${i} ${what} of ${JSON.stringify(probes[i])}:\n  ours:   ${JSON.stringify(ours)}\n  theirs: ${JSON.stringify(theirs)}`);
      }
    };
    for (const [i, text] of probes.entries()) {
      const anki = oracle.probes[i];
      if (!anki) throw new Error(`missing probe ${i}`);
      check(i, 'stripHtml', stripHtml(text), anki.stripHtml);
      check(i, 'stripHtmlPreservingMediaFilenames', stripHtmlPreservingMediaFilenames(text), anki.stripHtmlPreservingMedia);
      check(i, 'stripAvTags', stripAvTags(text), anki.stripAvTags);
      const av = extractAvTags(text, true);
      check(i, 'extractAvTags text', av.text, anki.avText);
      check(i, 'extractAvTags tags', av.tags.map(asDesktopSees), anki.avTags.map(asDesktopSees));
      check(i, 'extractLatex', extractLatex(text, false), anki.latex);
      // Anki walks cloze numbers in hash order, so compare as sorted lists.
      check(i, 'latexImageReferences', latexImageReferences(text, false).sort(), anki.latexExpanded.latex.map((l) => l.filename).sort());
    }
    console.log(`text probes: ${probes.length} strings, ${failures.length} mismatches`);
    expect(failures.slice(0, 10).join('\n')).toBe('');
  });
});
