/**
 * Media of an .apkg (apkg/import/media.rs): a file whose name is taken by different
 * content is renamed `<stem>-<sha1>.<ext>`; `_static` and `latex-` files are copied only
 * when absent; other files only when an imported note refers to them. Every file this
 * import creates is recorded so a failed import can remove it again.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withHashSuffix } from '../../media/names';
import { corruptPackage } from '../errors';
import { isStaticMediaName, sha1 } from '../media';
import type { OpenedPackage, PackageMediaEntry } from '../read-package';
import type { ImportLog } from './context';

interface Planned {
  entry: PackageMediaEntry;
  targetName: string;
  used: boolean;
}

function existingSha1(path: string): Buffer | null {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) return null;
    return sha1(readFileSync(path));
  } catch {
    return null;
  }
}

export class MediaPlan {
  private readonly checked = new Map<string, Planned>();
  private readonly unchecked: Planned[] = [];
  private readonly created: string[] = [];

  constructor(
    private readonly pkg: OpenedPackage,
    private readonly mediaDir: string,
    private readonly log: ImportLog,
  ) {
    for (const entry of pkg.media) this.plan(entry);
  }

  private plan(entry: PackageMediaEntry): void {
    const path = join(this.mediaDir, entry.name);
    const present = existsSync(path);
    if (isStaticMediaName(entry.name)) {
      if (!present) this.unchecked.push({ entry, targetName: entry.name, used: true });
      return;
    }
    if (!present) {
      this.checked.set(entry.name, { entry, targetName: entry.name, used: false });
      return;
    }
    const incoming = entry.sha1 ?? this.hashOf(entry);
    if (!incoming) return;
    const current = existingSha1(path);
    if (current && current.equals(incoming)) return;
    this.checked.set(entry.name, { entry, targetName: withHashSuffix(entry.name, incoming.toString('hex')), used: false });
  }

  private hashOf(entry: PackageMediaEntry): Buffer | null {
    const data = this.pkg.readMedia(entry);
    return data ? sha1(data) : null;
  }

  /** The name a note should use for this file, marking it to be copied; undefined if not in the plan. */
  use(name: string): string | undefined {
    const planned = this.checked.get(name);
    if (!planned) return undefined;
    planned.used = true;
    return planned.targetName;
  }

  /** Writes every used file into the media folder; returns how many were written. */
  copyUsed(onFile: (done: number, total: number) => void): number {
    const toCopy = [...[...this.checked.values()].filter((p) => p.used), ...this.unchecked];
    let written = 0;
    toCopy.forEach((planned, i) => {
      onFile(i, toCopy.length);
      if (this.copyOne(planned)) written++;
    });
    onFile(toCopy.length, toCopy.length);
    return written;
  }

  private copyOne(planned: Planned): boolean {
    const target = join(this.mediaDir, planned.targetName);
    if (existsSync(target)) return false;
    const data = this.pkg.readMedia(planned.entry);
    if (!data) {
      this.log.note(`The package lists "${planned.entry.name}" but does not contain it.`);
      return false;
    }
    if (planned.entry.sha1 && !sha1(data).equals(planned.entry.sha1)) {
      throw corruptPackage(`media file "${planned.entry.name}" does not match its checksum`);
    }
    const temp = join(this.mediaDir, `.engram-import-${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(temp, data);
    try {
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    this.created.push(target);
    return true;
  }

  /** Removes the files this import created (the database change was rolled back). */
  rollback(): void {
    for (const path of this.created.splice(0)) rmSync(path, { force: true });
  }
}
