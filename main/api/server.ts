import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionRegistry } from './registry';
import type { ApiHost } from './host';
import { handleApiHttp } from './http';
import { pythonJson } from './json';
import { ApiLog } from './log';

/** The AnkiConnect endpoint: any method, any path, any content type. */
export function createApiApp(host: ApiHost, registry: ActionRegistry): express.Express {
  const app = express();
  const logPath = host.settings().apiLogPath;
  const log = logPath ? new ApiLog(logPath) : undefined;
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.raw({ type: () => true, limit: host.settings().maxRequestBytes }));
  app.use((req, res, next) => {
    const body: Uint8Array = Buffer.isBuffer(req.body) ? req.body : new Uint8Array();
    handleApiHttp({ method: req.method, headers: req.headers, body }, host, registry, log)
      .then((response) => {
        res.sendDate = false;
        const headers = [...response.headers];
        // Encoded once: the length and the bytes sent come from the same buffer.
        const payload = response.status !== 200 ? undefined : Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
        if (payload) headers.push(['Content-Length', String(payload.length)]);
        res.writeHead(response.status, headers.flat());
        res.end(payload);
      })
      .catch(next);
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
    const text =
      status === 413
        ? `request body too large (limit ${host.settings().maxRequestBytes} bytes)`
        : `request failed: ${error instanceof Error ? error.message : String(error)}`;
    const body = pythonJson({ result: null, error: text });
    res.sendDate = false;
    res.status(status).set('Content-Type', 'application/json').send(body);
  });
  return app;
}

export interface RunningServer {
  server: Server;
  address: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on the configured address; resolves once bound, rejects with a clear message if the port is taken. */
export function listen(app: express.Express, address: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, address);
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    server.maxConnections = 10_000;
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Failed to listen on port ${port}.\nMake sure it is available and is not in use.`
            : `Failed to listen on ${address}:${port}: ${error.message}`,
        ),
      );
    });
    server.once('listening', () => {
      const info = server.address() as AddressInfo;
      resolve({
        server,
        address: info.address,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
