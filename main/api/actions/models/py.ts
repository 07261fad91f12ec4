/** Small Python semantics the add-on's answers depend on. */
import { pyRepr } from '../../pyrepr';

/** Python's truthiness for a JSON value. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Python's str() for a JSON value, as `'...{}'.format(value)` prints it. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}
