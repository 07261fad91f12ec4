import type { Deck, DeckConfig, Notetype } from '../../model/types';

/** The `col` row fields both schemas share. */
export interface AnkiColRow {
  crt: number;
  mod: number;
  scm: number;
  usn: number;
  ls: number;
}

export interface AnkiConfigEntry {
  key: string;
  usn: number;
  mtime: number;
  /** The value as JSON text. */
  json: string;
}

export interface AnkiTag {
  tag: string;
  usn: number;
  collapsed: boolean;
}

export interface AnkiGrave {
  oid: number;
  type: number;
  usn: number;
}

/** Everything in an Anki collection file except the bulk rows, in Engram's shapes. */
export interface AnkiCollectionMeta {
  col: AnkiColRow;
  config: AnkiConfigEntry[];
  notetypes: Notetype[];
  /** Human names (`::`). */
  decks: Deck[];
  deckConfigs: DeckConfig[];
  tags: AnkiTag[];
}

export function configValue<T>(meta: Pick<AnkiCollectionMeta, 'config'>, key: string): T | undefined {
  const entry = meta.config.find((c) => c.key === key);
  if (!entry) return undefined;
  try {
    return JSON.parse(entry.json) as T;
  } catch {
    return undefined;
  }
}
