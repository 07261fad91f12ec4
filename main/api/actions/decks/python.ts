import { pyRepr } from '../../pyrepr';
import { ActionError } from '../../registry';

/** Python truthiness of a JSON value (the add-on tests flags with `if not x`). */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Python's int() of a JSON value, with its error text for values it rejects. */
export function pyInt(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value.trim());
  if (typeof value === 'string') throw new ActionError(`invalid literal for int() with base 10: ${pyRepr(value)}`);
  const type = value === null || value === undefined ? 'NoneType' : Array.isArray(value) ? 'list' : 'dict';
  throw new ActionError(`int() argument must be a string, a bytes-like object or a real number, not '${type}'`);
}
