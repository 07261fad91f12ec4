import type { Collection } from '../collection';
import type { SchedTimingToday } from '../timing';
import { RustRegexError } from './regex';
import { matcherFor } from './functions';
import { searchFailure } from './errors';

/** Which tables a search touches (rslib RequiredTable). */
export type RequiredTable = 'notes' | 'cards' | 'both' | 'either';

export function combineTables(a: RequiredTable, b: RequiredTable): RequiredTable {
  if (a === 'both' || b === 'both') return 'both';
  if (a === 'either') return b;
  if (b === 'either') return a;
  return a === b ? a : 'both';
}

/** Collection facts a search needs, read at most once per query. */
export class SearchContext {
  private timingCache: SchedTimingToday | undefined;
  private normalizeCache: boolean | undefined;
  private ignoreAccentsCache: boolean | undefined;

  constructor(readonly col: Collection) {}

  timing(): SchedTimingToday {
    this.timingCache ??= this.col.timing();
    return this.timingCache;
  }

  /** Search text is NFC-normalised when the collection normalises note text (the default). */
  normNote(text: string): string {
    this.normalizeCache ??= this.col.getConfig<boolean>('normalize_note_text', true) !== false;
    return this.normalizeCache ? text.normalize('NFC') : text;
  }

  ignoreAccents(): boolean {
    this.ignoreAccentsCache ??= this.col.getConfig<boolean>('ignoreAccentsInSearch', false) === true;
    return this.ignoreAccentsCache;
  }
}

/** Accumulates SQL text and its positional parameters. */
export class SqlBuilder {
  sql = '';
  readonly params: unknown[] = [];

  constructor(
    readonly ctx: SearchContext,
    readonly table: RequiredTable,
  ) {}

  get col(): Collection {
    return this.ctx.col;
  }

  write(text: string): void {
    this.sql += text;
  }

  /** Appends `?` bound to `value`. */
  param(value: unknown): string {
    this.params.push(value);
    return '?';
  }

  /** The note id column: n.id when the condition sees notes, else c.nid. */
  noteIdColumn(): string {
    return this.table === 'cards' ? 'c.nid' : 'n.id';
  }

  /** A `?` bound to a Rust regex for the SQL functions; Anki's error text when the pattern is invalid. */
  rustRegexParam(pattern: string): string {
    checkUserRegex(pattern);
    return this.param(pattern);
  }
}

/** Compiles (and caches) a pattern now, so errors surface before the query runs. */
export function checkUserRegex(pattern: string): void {
  try {
    matcherFor(pattern);
  } catch (error) {
    if (error instanceof RustRegexError) throw searchFailure(`<pre>${error.display()}</pre>`);
    throw error;
  }
}

/** "(1,2,3)" — Anki's ids_to_string. */
export function idList(ids: Iterable<number | string | bigint>): string {
  return `(${[...ids].join(',')})`;
}
