import { appendFileSync, writeFileSync } from 'node:fs';
import { RawJson } from './json';

/** The add-on's request log: `[request]` / `[reply]` lines, then the JSON pretty-printed with sorted keys. */
export class ApiLog {
  constructor(private readonly path: string) {
    writeFileSync(path, '');
  }

  request(body: unknown): void {
    this.write('request', body);
  }

  reply(body: unknown): void {
    this.write('reply', body);
  }

  private write(kind: string, body: unknown): void {
    try {
      appendFileSync(this.path, `[${kind}]\n${JSON.stringify(sortKeys(body), (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v), 4)}\n`);
    } catch {
      // Logging must never break the API.
    }
  }
}

function sortKeys(value: unknown): unknown {
  if (value instanceof RawJson) return sortKeys(JSON.parse(value.text));
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
