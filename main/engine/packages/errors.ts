import { EngineError } from '../errors';

/** A package that cannot be read safely: nothing is changed, and the user sees why. */
export function corruptPackage(detail: string): EngineError {
  return new EngineError('invalid', `This file is not a valid Anki package (${detail}).`);
}

export function tooNewPackage(): EngineError {
  return new EngineError('too-new', 'This package was made by a newer version of Anki and cannot be read yet.');
}

/** Wraps an unexpected low-level failure (zlib, SQLite, fs) into a clear EngineError. */
export function asEngineError(error: unknown, context: string): Error {
  if (error instanceof EngineError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError('io', `${context}: ${message}`);
}
