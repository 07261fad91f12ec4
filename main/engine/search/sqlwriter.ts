import type { Collection } from '../collection';
import type { Node, SearchNode } from './ast';
import { combineTables, SearchContext, SqlBuilder, type RequiredTable } from './builder';
import { searchError } from './errors';
import { registerSearchFunctions } from './functions';
import {
  writeAdded,
  writeDeck,
  writeDeckIds,
  writeEdited,
  writeIntroduced,
  writeNotetype,
  writePreset,
  writeProp,
  writeRated,
  writeState,
  writeTemplateName,
} from './write-cards';
import { writeDupe, writeField, writeRegex, writeTag, writeUnqualified, writeWordBoundary } from './write-notes';

export type SearchMode = 'cards' | 'notes';

export interface SearchSql {
  /** `select c.id …` (cards) or `select n.id …` / `select distinct n.id …` (notes), without ORDER BY. */
  sql: string;
  params: unknown[];
  /** Which of `c` (cards) and `n` (notes) the outer FROM clause provides. */
  table: Exclude<RequiredTable, 'either'>;
}

function searchTable(node: SearchNode): RequiredTable {
  switch (node.kind) {
    case 'added':
    case 'introduced':
    case 'deck':
    case 'deck-ids':
    case 'rated':
    case 'state':
    case 'flag':
    case 'card-ids':
    case 'prop':
    case 'has-cd':
    case 'preset':
      return 'cards';
    case 'text':
    case 'field':
    case 'tag':
    case 'dupe':
    case 'regex':
    case 'nc':
    case 'sc':
    case 'word':
    case 'notetype-id':
    case 'notetype':
    case 'edited':
      return 'notes';
    case 'note-ids':
    case 'all':
      return 'either';
    case 'template':
      return 'cards';
    case 'template-name':
      return 'both';
  }
}

export function requiredTable(node: Node): RequiredTable {
  switch (node.type) {
    case 'and':
    case 'or':
      return 'either';
    case 'not':
      return requiredTable(node.node);
    case 'group':
      return node.nodes.reduce<RequiredTable>((acc, n) => combineTables(acc, requiredTable(n)), 'either');
    case 'search':
      return searchTable(node.search);
  }
}

function writeNode(b: SqlBuilder, node: Node): void {
  switch (node.type) {
    case 'and':
      return b.write(' and ');
    case 'or':
      return b.write(' or ');
    case 'not':
      b.write('not ');
      return writeNode(b, node.node);
    case 'group':
      b.write('(');
      node.nodes.forEach((n) => writeNode(b, n));
      return b.write(')');
    case 'search':
      return writeSearch(b, node.search);
  }
}

function writeSearch(b: SqlBuilder, node: SearchNode): void {
  const { ctx } = b;
  const nfc = (text: string): string => text.normalize('NFC');
  switch (node.kind) {
    case 'all':
      return b.write('true');
    case 'text':
      return writeUnqualified(b, ctx.normNote(node.text), ctx.ignoreAccents(), false);
    case 'nc':
      return writeUnqualified(b, ctx.normNote(node.text), true, false);
    case 'sc':
      return writeUnqualified(b, ctx.normNote(node.text), ctx.ignoreAccents(), true);
    case 'field':
      return writeField(b, nfc(node.field), ctx.normNote(node.text), node.mode);
    case 'dupe':
      return writeDupe(b, node.notetypeId, ctx.normNote(node.text));
    case 'regex':
      return writeRegex(b, ctx.normNote(node.regex), false);
    case 'word':
      return writeWordBoundary(b, ctx.normNote(node.text));
    case 'added':
      return writeAdded(b, node.days);
    case 'edited':
      return writeEdited(b, node.days);
    case 'introduced':
      return writeIntroduced(b, node.days);
    case 'template':
      return b.write(`c.ord = ${node.ord}`);
    case 'template-name':
      return writeTemplateName(b, nfc(node.name));
    case 'deck':
      return writeDeck(b, nfc(node.name));
    case 'deck-ids':
      return writeDeckIds(b, node.ids);
    case 'notetype-id':
      return b.write(`n.mid = ${node.id}`);
    case 'notetype':
      return writeNotetype(b, nfc(node.name));
    case 'rated':
      return writeRated(b, '>', -node.days, node.rating);
    case 'tag':
      return writeTag(b, nfc(node.tag), node.mode);
    case 'state':
      return writeState(b, node.state);
    case 'flag':
      return b.write(`(c.flags & 7) == ${node.flag}`);
    case 'note-ids':
      return b.write(`${b.noteIdColumn()} in (${asciiIds(node.ids, 'nid')})`);
    case 'card-ids':
      return b.write(`c.id in (${asciiIds(node.ids, 'cid')})`);
    case 'prop':
      return writeProp(b, node.op, node.prop);
    case 'has-cd':
      return b.write(`engram_custom_data(c.data, ${b.param(node.key)}) is not null`);
    case 'preset':
      return writePreset(b, node.name);
  }
}

function asciiIds(ids: string, key: string): string {
  if (!/^[0-9,]+$/.test(ids)) throw searchError({ kind: 'other', info: `expected only digits and commas in ${key}:` });
  return ids;
}

/**
 * The statement around the condition `P`, by mode and by the tables `P` reads; each
 * returns what Anki's `select [distinct] … from cards c, notes n where c.nid=n.id and P`
 * returns. Notes found through card conditions alone use a semi-join, which avoids a
 * DISTINCT over every matching card.
 */
const SHAPES: Record<SearchMode, Record<Exclude<RequiredTable, 'either'>, { open: string; close: string; table: SearchSql['table'] }>> = {
  cards: {
    cards: { open: 'select c.id from cards c where ', close: '', table: 'cards' },
    notes: { open: 'select c.id from cards c, notes n where c.nid=n.id and ', close: '', table: 'both' },
    both: { open: 'select c.id from cards c, notes n where c.nid=n.id and ', close: '', table: 'both' },
  },
  notes: {
    notes: { open: 'select n.id from notes n where ', close: '', table: 'notes' },
    cards: { open: 'select n.id from notes n where n.id in (select c.nid from cards c where ', close: ')', table: 'notes' },
    both: { open: 'select distinct n.id from cards c, notes n where c.nid=n.id and ', close: '', table: 'both' },
  },
};

/**
 * SQL for parsed search nodes. `extraTable` lets callers that order by note columns
 * (the browser) ask for the notes join.
 */
export function buildSearchSql(col: Collection, nodes: Node[], mode: SearchMode, extraTable: RequiredTable = 'either'): SearchSql {
  registerSearchFunctions(col.db);
  const top: Node = { type: 'group', nodes };
  const needed = combineTables(extraTable, requiredTable(top));
  const inner = needed === 'either' ? (mode === 'cards' ? 'cards' : 'notes') : needed;
  const shape = SHAPES[mode][inner];
  const b = new SqlBuilder(new SearchContext(col), shape.table === 'both' ? 'both' : inner);
  b.write(shape.open);
  writeNode(b, top);
  b.write(shape.close);
  return { sql: b.sql, params: b.params, table: shape.table };
}
