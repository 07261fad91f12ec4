import type { Collection } from '../collection';
import type { DeckConfig, DeckConfigId } from '../model/types';
import { EngineError } from '../errors';

function loadAll(col: Collection): Map<DeckConfigId, DeckConfig> {
  const rows = col.db.prepare('SELECT json FROM deck_config ORDER BY id').pluck().all() as string[];
  return new Map(rows.map((json) => {
    const conf = JSON.parse(json) as DeckConfig;
    return [conf.id, conf];
  }));
}

function cache(col: Collection): Map<DeckConfigId, DeckConfig> {
  return col.cached('deckConfigs', () => loadAll(col));
}

export function allDeckConfigs(col: Collection): DeckConfig[] {
  return [...cache(col).values()];
}

export function deckConfigById(col: Collection, id: DeckConfigId): DeckConfig | undefined {
  return cache(col).get(id);
}

/** The preset with this id, or Default (id 1) as Anki falls back. */
export function deckConfigOrDefault(col: Collection, id: DeckConfigId | undefined): DeckConfig {
  const conf = (id !== undefined ? cache(col).get(id) : undefined) ?? cache(col).get(1);
  if (!conf) throw new EngineError('not-found', 'the Default deck options preset is missing');
  return conf;
}

/** Inserts (id 0 → new id) or replaces a preset; returns the stored copy. */
export function saveDeckConfig(col: Collection, input: DeckConfig, keepMod = false): DeckConfig {
  const conf = structuredClone(input);
  if (!conf.id) conf.id = col.ids.deckConfigs.next();
  if (!keepMod) {
    conf.mod = col.nowSecs();
    conf.usn = -1;
  }
  col.db
    .prepare('INSERT OR REPLACE INTO deck_config (id, name, mtime, usn, json) VALUES (?, ?, ?, ?, ?)')
    .run(conf.id, conf.name, conf.mod, conf.usn, JSON.stringify(conf));
  col.invalidate('deckConfigs');
  return conf;
}

export function deleteDeckConfigRow(col: Collection, id: DeckConfigId): void {
  col.db.prepare('DELETE FROM deck_config WHERE id = ?').run(id);
  col.invalidate('deckConfigs');
}
