/** Every failure the engine reports on purpose. `message` is shown to users and API clients as is. */
export type EngineErrorCode =
  | 'not-found'
  | 'invalid'
  | 'duplicate'
  | 'empty'
  | 'exists'
  | 'too-new'
  | 'io'
  | 'search'
  | 'unsupported';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export function invalid(message: string): EngineError {
  return new EngineError('invalid', message);
}

export function notFound(message: string): EngineError {
  return new EngineError('not-found', message);
}
