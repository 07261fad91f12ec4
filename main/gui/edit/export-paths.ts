import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { EngineError } from '../../engine/errors';
import type { ExportTarget } from '../../../shared/bridge/edit';

export function packageExtension(target: ExportTarget): '.colpkg' | '.apkg' {
  return target.kind === 'collection' ? '.colpkg' : '.apkg';
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Anki's default names (aqt/import_export/exporting.py): `collection-<date>@<time>.colpkg`,
 * or the deck's name with characters file systems refuse replaced by `_`.
 */
export function suggestedFileName(target: ExportTarget, deckName: string | null, now: Date): string {
  if (target.kind === 'collection') {
    const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const time = `${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`;
    return `collection-${date}@${time}.colpkg`;
  }
  const title = target.kind === 'deck' && deckName ? deckName : 'All Decks';
  return `${title.replace(/[\\/?<>:*|"^]/g, '_')}.apkg`;
}

export function suggestedPath(fileName: string, home = homedir()): string {
  return join(home, fileName);
}

function statOrNull(path: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * The absolute path an export writes to: `~` expanded, the package extension added when
 * missing, in a folder that exists. Relative paths are refused: on a headless server they
 * would land wherever it was started.
 */
export function resolveExportPath(raw: string, target: ExportTarget, home = homedir()): string {
  let path = raw.trim();
  if (!path) throw new EngineError('invalid', 'Choose where to save the file.');
  if (path === '~' || path.startsWith('~/')) path = join(home, path.slice(1));
  if (!isAbsolute(path)) throw new EngineError('invalid', `Give the full path of the file, e.g. ${join(home, 'deck.apkg')}`);
  const extension = packageExtension(target);
  const other = extension === '.apkg' ? '.colpkg' : '.apkg';
  if (path.toLowerCase().endsWith(other)) {
    throw new EngineError('invalid', target.kind === 'collection' ? 'A collection package ends in .colpkg.' : 'A deck package ends in .apkg.');
  }
  if (!path.toLowerCase().endsWith(extension)) path += extension;
  path = resolve(path);
  const folder = statOrNull(dirname(path));
  if (!folder?.isDirectory()) throw new EngineError('not-found', `folder not found: ${dirname(path)}`);
  if (statOrNull(path)?.isDirectory()) throw new EngineError('invalid', `${path} is a folder`);
  return path;
}

export function fileExists(path: string): boolean {
  return statOrNull(path) !== null;
}
