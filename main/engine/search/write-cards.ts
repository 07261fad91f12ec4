import type { PropOperator, PropertyKind, RatingKind, StateKind } from './ast';
import { idList, type SqlBuilder } from './builder';
import { searchError } from './errors';
import { nameMatcher } from './fields';
import { f32ToU32, formatF32 } from './numbers';
import { escapeRegex, globToRegex } from './text';
import { allDecks } from '../decks/store';
import { allDeckConfigs } from '../deckconfig/store';
import { allNotetypes } from '../notetypes/store';
import { foldCase } from '../text/fold';

/** Card-side searches: decks, notetypes, templates, states, properties, ratings (rslib sqlwriter.rs). */

const QUEUE_LEARN = 1;
const QUEUE_REVIEW = 2;
const QUEUE_DAY_LEARN = 3;
const QUEUE_PREVIEW = 4;
const ORIGINAL_DUE = '(case when c.odue != 0 then c.odue else c.due end)';

/** Anki's normalized_deck_name_component, applied to one `::`-separated part of the search text. */
function normalizeDeckComponent(part: string): string {
  const trimmed = part
    .normalize('NFC')
    .replace(/[\x00-\x1f\x7f]/g, '')
    .replace(/^[\p{White_Space}:]+|[\p{White_Space}:]+$/gu, '');
  return trimmed || 'blank';
}

function nativeName(humanName: string): string {
  return humanName.split('::').join('\x1f');
}

/** `deck:` — the named decks (wildcards allowed) and their children, by current or original deck. */
export function writeDeck(b: SqlBuilder, deck: string): void {
  if (deck === '*') return b.write('true');
  if (deck === 'filtered') return b.write('c.odid != 0');
  const decks = allDecks(b.col);
  let source: string;
  if (deck === 'current') {
    const currentId = b.col.getConfig<number>('curDeck', 1);
    const current = decks.find((d) => d.id === currentId);
    source = escapeRegex(current ? nativeName(current.name) : 'Default');
  } else {
    source = deck
      .split('::')
      .map((part) => globToRegex(normalizeDeckComponent(part)))
      .join('\\u{1f}');
  }
  const re = new RegExp(`^${source}(?:$|\\u{1f})`, 'iv');
  const ids = idList(decks.filter((d) => re.test(nativeName(d.name))).map((d) => d.id));
  b.write(`(c.did in ${ids} or (c.odid != 0 and c.odid in ${ids}))`);
}

/** `did:` — exactly these decks (current or original deck), without children. */
export function writeDeckIds(b: SqlBuilder, ids: string): void {
  if (!/^[0-9,]+$/.test(ids)) throw searchError({ kind: 'other', info: 'expected only digits and commas in did:' });
  b.write(`(c.did in (${ids}) or (c.odid != 0 and c.odid in (${ids})))`);
}

export function writeNotetype(b: SqlBuilder, name: string): void {
  const matches = nameMatcher(name);
  b.write(`n.mid in ${idList(allNotetypes(b.col).filter((nt) => matches(nt.name)).map((nt) => nt.id))}`);
}

/** `card:Name` — the (notetype, template ord) pairs with that template name. */
export function writeTemplateName(b: SqlBuilder, name: string): void {
  const matches = nameMatcher(name);
  const clauses: string[] = [];
  for (const nt of allNotetypes(b.col)) {
    const ords = nt.tmpls.map((t, i) => (matches(t.name) ? i : -1)).filter((i) => i >= 0);
    if (ords.length) clauses.push(`(n.mid = ${nt.id} and c.ord in ${idList(ords)})`);
  }
  b.write(clauses.length ? `(${clauses.join(' or ')})` : 'false');
}

export function writeState(b: SqlBuilder, state: StateKind): void {
  switch (state) {
    case 'new':
      return b.write('c.type = 0');
    case 'review':
      return b.write('c.type in (2, 3)');
    case 'learn':
      return b.write('c.type in (1, 3)');
    case 'buried':
      return b.write('c.queue in (-2,-3)');
    case 'suspended':
      return b.write('c.queue = -1');
    case 'buried-manually':
      return b.write('c.queue = -3');
    case 'buried-sibling':
      return b.write('c.queue = -2');
    case 'due': {
      const timing = b.ctx.timing();
      const learnCutoff = timing.now + b.col.getConfig<number>('collapseTime', 1200);
      b.write(
        `((c.queue in (${QUEUE_REVIEW},${QUEUE_DAY_LEARN}) and c.due <= ${timing.daysElapsed}) or ` +
          `(c.queue in (${QUEUE_LEARN},${QUEUE_PREVIEW}) and c.due <= ${learnCutoff}))`,
      );
    }
  }
}

/** Revlog rows relative to today's cutoff; `days` is 0 for today, negative for earlier days. */
export function writeRated(b: SqlBuilder, op: PropOperator, days: number, rating: RatingKind): void {
  const cutoff = b.ctx.timing().nextDayAt;
  const target = (cutoff + 86_400 * days) * 1000;
  const dayBefore = (cutoff + 86_400 * (days - 1)) * 1000;
  const range: Record<PropOperator, string> = {
    '>': `>= ${target}`,
    '>=': `>= ${dayBefore}`,
    '<': `< ${dayBefore}`,
    '<=': `< ${target}`,
    '=': `between ${dayBefore} and ${target - 1}`,
    '!=': `not between ${dayBefore} and ${target - 1}`,
  };
  const ease = rating.kind === 'button' ? `= ${rating.button}` : rating.kind === 'any' ? '> 0' : '= 0';
  b.write(`c.id in (select cid from revlog where id ${range[op]} and ease ${ease})`);
}

function previousDayCutoff(b: SqlBuilder, days: number): number {
  return b.ctx.timing().nextDayAt - 86_400 * days;
}

export function writeAdded(b: SqlBuilder, days: number): void {
  b.write(`c.id > ${previousDayCutoff(b, days) * 1000}`);
}

export function writeEdited(b: SqlBuilder, days: number): void {
  b.write(`n.mod > ${previousDayCutoff(b, days)}`);
}

/** First real answer within the window. The cheap IN test comes first so the per-card MIN only runs for recent cards. */
export function writeIntroduced(b: SqlBuilder, days: number): void {
  const cutoff = previousDayCutoff(b, days) * 1000;
  b.write(
    `(c.id IN (SELECT cid FROM revlog WHERE id > ${cutoff}) AND ` +
      `(SELECT coalesce(min(id) > ${cutoff}, false) FROM revlog WHERE cid = c.id AND ease != 0))`,
  );
}

/** A float as Rust prints it into the SQL; non-finite values have no SQL literal. */
function floatLiteral(value: number, context: string): string {
  if (!Number.isFinite(value)) {
    throw searchError({ kind: 'invalid-number', context, provided: formatF32(value) });
  }
  return formatF32(value);
}

export function writeProp(b: SqlBuilder, op: PropOperator, prop: PropertyKind): void {
  const clause = `${prop.kind}${op}`;
  const timing = b.ctx.timing();
  switch (prop.kind) {
    case 'due': {
      const day = prop.days + timing.daysElapsed;
      return b.write(
        `((c.queue in (${QUEUE_REVIEW},${QUEUE_DAY_LEARN}) and ${ORIGINAL_DUE} ${op} ${day}) or ` +
          `(c.queue in (${QUEUE_LEARN},${QUEUE_PREVIEW}) and ((${ORIGINAL_DUE} - ${timing.nextDayAt}) / 86400) ${op} ${prop.days}))`,
      );
    }
    case 'pos':
      return b.write(`(c.type = 0 and ${ORIGINAL_DUE} ${op} ${prop.value})`);
    case 'ivl':
      return b.write(`c.ivl ${op} ${prop.value}`);
    case 'reps':
      return b.write(`c.reps ${op} ${prop.value}`);
    case 'lapses':
      return b.write(`c.lapses ${op} ${prop.value}`);
    case 'ease':
      return b.write(`c.factor ${op} ${f32ToU32(Math.fround(prop.value * 1000))}`);
    case 'rated':
      return writeRated(b, op, prop.days, prop.rating);
    case 'cdn':
      return b.write(`cast(engram_custom_data(c.data, ${b.param(prop.key)}) as float) ${op} ${floatLiteral(prop.value, clause)}`);
    case 'cds':
      return b.write(`engram_custom_data(c.data, ${b.param(prop.key)}) ${op} ${b.param(prop.value)}`);
    case 's':
      return b.write(`engram_fsrs_variable(c.data, 's') ${op} ${floatLiteral(prop.value, clause)}`);
    case 'd': {
      const stored = Math.fround(Math.fround(prop.value * 9) + 1);
      return b.write(`engram_fsrs_variable(c.data, 'd') ${op} ${floatLiteral(stored, clause)}`);
    }
    case 'r':
      return b.write(
        `case when c.type = 0 then false else (engram_fsrs_retrievability(c.data, ${ORIGINAL_DUE}, c.ivl, ` +
          `${timing.daysElapsed}, ${timing.nextDayAt}, ${timing.now}) ${op} ${floatLiteral(prop.value, clause)}) end`,
      );
  }
}

/** `preset:Name` — cards whose current or home deck uses the first preset with that name. */
export function writePreset(b: SqlBuilder, name: string): void {
  const wanted = foldCase(name);
  const preset = [...allDeckConfigs(b.col)].sort((x, y) => x.id - y.id).find((c) => foldCase(c.name) === wanted);
  if (!preset) return b.write('false');
  const ids = idList(allDecks(b.col).filter((d) => !d.dyn && (d.conf ?? 1) === preset.id).map((d) => d.id));
  b.write(`(c.did in ${ids} or c.odid in ${ids})`);
}
