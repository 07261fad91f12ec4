import type { ApiSettings } from './settings';

export interface CorsDecision {
  allowed: boolean;
  /** The value for Access-Control-Allow-Origin. */
  corsOrigin: string;
}

const EXTENSION_PREFIXES = ['chrome-extension://', 'moz-extension://', 'safari-web-extension://'];

/** The add-on's origin rule (web.py), including its implied trust when http://localhost is listed. */
export function decideOrigin(settings: ApiSettings, origin: string | undefined): CorsDecision {
  const list = [...settings.webCorsOriginList];
  if (settings.webCorsOrigin) list.push(settings.webCorsOrigin);
  if (list.includes('*')) return { allowed: true, corsOrigin: '*' };
  if (origin === undefined) return { allowed: true, corsOrigin: 'http://localhost' };
  if (list.includes(origin)) return { allowed: true, corsOrigin: origin };
  if (list.includes('http://localhost') && impliedTrust(origin)) return { allowed: true, corsOrigin: origin };
  return { allowed: false, corsOrigin: 'http://localhost' };
}

function impliedTrust(origin: string): boolean {
  return (
    origin === 'http://127.0.0.1' ||
    origin === 'https://127.0.0.1' ||
    origin.startsWith('http://127.0.0.1:') ||
    EXTENSION_PREFIXES.some((prefix) => origin.startsWith(prefix))
  );
}
