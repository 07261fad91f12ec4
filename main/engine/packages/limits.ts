/** Bounds that protect import from hostile or broken packages. Tests may lower them. */
export interface PackageLimits {
  /** Most ZIP entries accepted (Anki packages hold one entry per media file, plus 4). */
  maxEntries: number;
  /** Largest uncompressed size of one entry, after zstd decompression too. */
  maxEntryBytes: number;
  /** Largest total uncompressed size of all entries. */
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  maxEntries: 500_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 64 * 1024 ** 3,
};

export function resolveLimits(overrides?: Partial<PackageLimits>): PackageLimits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}
