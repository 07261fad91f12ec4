import type { ActionRegistry } from './registry';
import type { ApiHost } from './host';
import { decideOrigin } from './cors';
import { parseRequestBody, pythonJson, pythonJsonBytes, RequestParseError } from './json';
import { runRequest, schemaError } from './protocol';
import type { ApiLog } from './log';

export interface ApiHttpRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export interface ApiHttpResponse {
  status: number;
  /** In the add-on's order and spelling. */
  headers: [string, string][];
  /** The reply's JSON; replies are sent as built, so a large one need not become a string. */
  body: string | Buffer;
}

export const BANNER = { apiVersion: 'AnkiConnect v.6' };

function header(req: ApiHttpRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function ok(corsOrigin: string, body: string | Buffer): ApiHttpResponse {
  return {
    status: 200,
    headers: [
      ['Content-Type', 'application/json'],
      ['Access-Control-Allow-Origin', corsOrigin],
      ['Access-Control-Allow-Headers', '*'],
    ],
    body,
  };
}

function forbidden(corsOrigin: string): ApiHttpResponse {
  return {
    status: 403,
    headers: [
      ['Access-Control-Allow-Origin', corsOrigin],
      ['Access-Control-Allow-Headers', '*'],
    ],
    body: '',
  };
}

/** One HTTP exchange, exactly as the add-on's web layer answers it (reference §2.2–2.5). */
export async function handleApiHttp(
  req: ApiHttpRequest,
  host: ApiHost,
  registry: ActionRegistry,
  log?: ApiLog,
): Promise<ApiHttpResponse> {
  const origin = header(req, 'origin');
  const cors = decideOrigin(host.settings(), origin);
  if (req.method.toUpperCase() === 'OPTIONS') {
    const response = ok(cors.corsOrigin, '');
    if (header(req, 'access-control-request-private-network') === 'true') {
      response.headers.push(['Access-Control-Allow-Private-Network', 'true']);
    }
    return response;
  }
  if (req.body.length === 0) return cors.allowed ? ok(cors.corsOrigin, pythonJson(BANNER)) : forbidden(cors.corsOrigin);

  let request: unknown;
  try {
    request = parseRequestBody(req.body);
  } catch (error) {
    if (!cors.allowed) return forbidden(cors.corsOrigin);
    const message = error instanceof RequestParseError ? error.message : String(error);
    return ok(cors.corsOrigin, pythonJson({ result: null, error: message }));
  }
  const invalid = schemaError(request);
  if (invalid !== null) {
    if (!cors.allowed) return forbidden(cors.corsOrigin);
    return ok(cors.corsOrigin, pythonJson({ result: null, error: invalid }));
  }
  const body = request as Record<string, unknown>;
  let corsOrigin = cors.corsOrigin;
  if (body.action === 'requestPermission') {
    // Processed whatever the origin; the web layer supplies the facts the handler needs.
    body.params = { ...(body.params as object | undefined), origin: origin ?? '', allowed: cors.allowed };
    if (!cors.allowed && origin) corsOrigin = origin;
  } else if (!cors.allowed) {
    return forbidden(cors.corsOrigin);
  }
  log?.request(body);
  const reply = await runRequest(body, host, registry, { origin: origin ?? '', originAllowed: cors.allowed });
  log?.reply(reply);
  return ok(corsOrigin, pythonJsonBytes(reply));
}
