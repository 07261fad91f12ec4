import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Collection } from '../engine/collection';
import { EngineError } from '../engine/errors';

export const DEFAULT_PROFILE = 'User 1';
const COLLECTION_FILE = 'collection.sqlite';
const MEDIA_DIR = 'collection.media';

/**
 * Profiles are folders under <dataDir>/profiles, each with one collection and its
 * media folder. Exactly one is open at a time.
 */
export class ProfileManager {
  private current: { name: string; col: Collection } | null = null;
  private readonly listeners = new Set<(col: Collection | null) => void>();

  constructor(
    readonly dataDir: string,
    private readonly clock?: () => number,
  ) {}

  private get root(): string {
    return join(this.dataDir, 'profiles');
  }

  collectionPath(name: string): string {
    return join(this.root, name, COLLECTION_FILE);
  }

  mediaDir(name: string): string {
    return join(this.root, name, MEDIA_DIR);
  }

  list(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(this.root, e.name, COLLECTION_FILE)))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
  }

  activeName(): string | null {
    return this.current?.name ?? null;
  }

  collection(): Collection | null {
    return this.current?.col ?? null;
  }

  /** Creates an empty profile (and its collection). */
  create(name: string): void {
    const clean = validProfileName(name);
    if (this.list().some((p) => p.toLowerCase() === clean.toLowerCase())) {
      throw new EngineError('exists', `a profile named "${clean}" already exists`);
    }
    mkdirSync(join(this.root, clean), { recursive: true });
    Collection.open(this.collectionPath(clean), { mediaDir: this.mediaDir(clean), now: this.clock }).close();
  }

  /** Opens `name` (closing the current one). Creates the first profile on first run. */
  open(name: string): Collection {
    if (this.current?.name === name) return this.current.col;
    if (!this.list().includes(name)) {
      if (this.list().length) throw new EngineError('not-found', `profile was not found: ${name}`);
      this.create(name);
    }
    this.close();
    const col = Collection.open(this.collectionPath(name), { mediaDir: this.mediaDir(name), now: this.clock });
    this.current = { name, col };
    this.emit(col);
    return col;
  }

  /** Closes and re-opens the active collection (picks up changes made on disk). */
  reload(): void {
    const name = this.current?.name;
    if (!name) return;
    this.close();
    this.open(name);
  }

  close(): void {
    if (!this.current) return;
    this.current.col.close();
    this.current = null;
    this.emit(null);
  }

  onSwitch(listener: (col: Collection | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(col: Collection | null): void {
    for (const listener of this.listeners) listener(col);
  }
}

function validProfileName(name: string): string {
  const clean = name.trim();
  if (!clean || /[\\/:*?"<>|\x00-\x1f]/.test(clean) || clean === '.' || clean === '..') {
    throw new EngineError('invalid', `invalid profile name: "${name}"`);
  }
  return clean;
}
