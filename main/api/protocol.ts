import { ActionError, type ActionContext, type ActionRegistry } from './registry';
import type { ApiHost, RequestMeta } from './host';
import { ParamError } from './params';
import { pyRepr, pyTypeName } from './pyrepr';
import { EngineError } from '../engine/errors';

type Json = Record<string, unknown>;

export interface Envelope {
  result: unknown;
  error: string | null;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** jsonschema's first message line for the add-on's request schema, or null when valid. */
export function schemaError(request: unknown): string | null {
  if (!isObject(request)) return `${pyRepr(request)} is not of type 'object'`;
  if (!('action' in request)) return `'action' is a required property`;
  const { action, version, params } = request;
  if (typeof action !== 'string') return `${pyRepr(action)} is not of type 'string'`;
  if (action.length < 1) return `'' is too short`;
  if ('version' in request && (typeof version !== 'number' || !Number.isInteger(version))) {
    return `${pyRepr(version)} is not of type 'integer'`;
  }
  if ('params' in request && !isObject(params)) return `${pyRepr(params)} is not of type 'object'`;
  return null;
}

export function errorText(error: unknown): string {
  if (error instanceof ActionError || error instanceof ParamError || error instanceof EngineError) return error.message;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Runs one request object as the add-on's handler does: key check, lookup, call,
 * then the version's envelope. Errors never escape: they become the error envelope.
 */
export async function runRequest(
  request: unknown,
  host: ApiHost,
  registry: ActionRegistry,
  meta: RequestMeta,
): Promise<unknown> {
  if (!isObject(request)) {
    // The add-on calls request.get() before its try block, so this fails the whole enclosing call.
    throw new ActionError(`'${pyTypeName(request)}' object has no attribute 'get'`);
  }
  const version = typeof request.version === 'number' ? request.version : 4;
  const name = request.action;
  try {
    const key = request.key ?? null;
    if (key !== host.settings().apiKey && name !== 'requestPermission') {
      throw new ActionError('valid api key must be provided');
    }
    const definition = typeof name === 'string' ? registry.get(name) : undefined;
    if (!definition) throw new ActionError('unsupported action');
    const params = request.params ?? {};
    if (!isObject(params)) throw new ActionError(`argument after ** must be a mapping, not ${pyTypeName(params)}`);
    const ctx: ActionContext = {
      host,
      meta,
      dispatch: (inner) => runRequest(inner, host, registry, meta),
    };
    const result = await definition.run(ctx, params);
    return version <= 4 ? (result ?? null) : { result: result ?? null, error: null };
  } catch (error) {
    if (!(error instanceof ActionError || error instanceof ParamError || error instanceof EngineError)) {
      console.error(`[api] ${String(name)} failed:`, error);
    }
    return { result: null, error: errorText(error) } satisfies Envelope;
  }
}
