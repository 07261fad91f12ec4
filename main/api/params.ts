/**
 * Tiny typed validators for action params. The add-on splats params into a
 * Python method, so a missing or unknown name gives Python's TypeError text;
 * wrong types get a clear message naming the parameter.
 */
export class ParamError extends Error {}

export interface Param<T> {
  readonly optional: boolean;
  readonly fallback?: () => T;
  readonly describe: string;
  parse(value: unknown, name: string): T;
}

function make<T>(describe: string, check: (value: unknown) => value is T): Param<T> {
  return {
    optional: false,
    describe,
    parse(value, name) {
      if (!check(value)) throw new ParamError(`parameter '${name}' must be ${describe}, got ${typeName(value)}`);
      return value;
    },
  };
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const p = {
  string: () => make<string>('a string', isString),
  number: () => make<number>('a number', isNumber),
  int: () => make<number>('an integer', isInt),
  bool: () => make<boolean>('a boolean', isBool),
  object: () => make<Record<string, unknown>>('an object', isObject),
  any: () => make<unknown>('any value', (_v): _v is unknown => true),
  /** Accepts an integer or a numeric string (some clients send ids as strings). */
  id: () =>
    ({
      optional: false,
      describe: 'an integer id',
      parse(value: unknown, name: string): number {
        if (isInt(value)) return value;
        if (typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
        throw new ParamError(`parameter '${name}' must be an integer id, got ${typeName(value)}`);
      },
    }) satisfies Param<number>,
  array<T>(item: Param<T>): Param<T[]> {
    return {
      optional: false,
      describe: `a list of ${item.describe.replace(/^an? /, '')}s`,
      parse(value, name) {
        if (!Array.isArray(value)) throw new ParamError(`parameter '${name}' must be a list, got ${typeName(value)}`);
        return value.map((v, i) => item.parse(v, `${name}[${i}]`));
      },
    };
  },
  nullable<T>(inner: Param<T>): Param<T | null> {
    return {
      optional: false,
      describe: `${inner.describe} or null`,
      parse: (value, name) => (value === null ? null : inner.parse(value, name)),
    };
  },
  /** Makes a param optional with a default. */
  optional<T>(inner: Param<T>, fallback: T): Param<T> {
    return { ...inner, optional: true, fallback: () => structuredClone(fallback) };
  },
  /** Optional without default: undefined when absent. */
  maybe<T>(inner: Param<T>): Param<T | undefined> {
    return { ...inner, optional: true, fallback: () => undefined } as Param<T | undefined>;
  },
};

export type ParamSpec = Record<string, Param<unknown>>;
export type ParamsOf<S extends ParamSpec> = { [K in keyof S]: S[K] extends Param<infer T> ? T : never };

/** Binds request params to the spec with Python's TypeError texts for missing/unknown names. */
export function bindParams<S extends ParamSpec>(action: string, spec: S, raw: Record<string, unknown>): ParamsOf<S> {
  for (const name of Object.keys(raw)) {
    if (!(name in spec)) throw new ParamError(`AnkiConnect.${action}() got an unexpected keyword argument '${name}'`);
  }
  const missing = Object.entries(spec)
    .filter(([name, param]) => !param.optional && !(name in raw))
    .map(([name]) => name);
  if (missing.length) throw new ParamError(missingText(action, missing));
  const out: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(spec)) {
    out[name] = name in raw ? param.parse(raw[name], name) : param.fallback?.();
  }
  return out as ParamsOf<S>;
}

function missingText(action: string, names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  const last = quoted[quoted.length - 1];
  const list =
    quoted.length === 1 ? last : quoted.length === 2 ? `${quoted[0]} and ${last}` : `${quoted.slice(0, -1).join(', ')}, and ${last}`;
  const noun = names.length === 1 ? 'argument' : 'arguments';
  return `AnkiConnect.${action}() missing ${names.length} required positional ${noun}: ${list}`;
}
