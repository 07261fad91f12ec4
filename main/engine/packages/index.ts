/**
 * .apkg / .colpkg import and export, interoperable with Anki in both directions.
 *
 * - importPackage(col, path, options): merges an .apkg into the open collection.
 * - exportPackage(col, path, options): a deck (with children) or everything as .apkg.
 * - exportCollectionPackage(col, path, options): the whole collection as .colpkg.
 * - importColpkg(colpkgPath, collectionPath, mediaDir, options): replaces a collection;
 *   call it while the collection is CLOSED (Collection.close()), then reopen it.
 *
 * Every call accepts `onProgress(done, total, stage)` and an AbortSignal (`signal`).
 * A cancelled call rejects with the signal's AbortError and changes nothing.
 */
import type { Collection } from '../collection';
import { importApkg, type ImportPackageOptions, type ImportSummary } from './import/apkg';

export type { ImportPackageOptions, ImportSummary } from './import/apkg';
export type { UpdateCondition } from './import/context';
export { importColpkg } from './import/colpkg';
export type { ImportColpkgOptions, ColpkgSummary } from './import/colpkg';
export { exportPackage, exportCollectionPackage } from './export';
export type { ExportPackageOptions, ExportCollectionOptions, ExportSummary } from './export';
export type { PackageLimits } from './limits';
export { DEFAULT_LIMITS } from './limits';
export type { PackageStage, ProgressCallback } from './progress';

/** Imports an .apkg into the open collection (merging by note guid). */
export function importPackage(col: Collection, path: string, options: ImportPackageOptions = {}): Promise<ImportSummary> {
  return importApkg(col, path, options);
}
