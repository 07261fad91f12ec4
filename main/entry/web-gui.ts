import express, { type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_WS_PATH, type ClientMessage, type ServerMessage } from '../../shared/bridge';
import type { BridgeHub } from '../gui/hub';
import { isSafeMediaName } from '../gui/study/media-name';
import { DOWNLOAD_PREFIX, exportDownloadsFor, isSameOriginDownload, type ExportDownloads } from '../gui/edit/export-downloads';

export interface WebGui {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Headless mode's GUI: the built renderer as static files plus the bridge over a
 * WebSocket. Only pages served from this very origin may open the socket, so a
 * web site in the user's browser cannot drive the GUI.
 */
export function startWebGui(
  hub: BridgeHub,
  rendererDir: string,
  address: string,
  port: number,
  mediaDir: () => string | null = () => null,
): Promise<WebGui> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`the web GUI is not built (${rendererDir}/index.html missing): run "npm run build:renderer"`);
  }
  const app = express();
  app.disable('x-powered-by');
  app.use(express.static(rendererDir, { index: 'index.html', maxAge: 0 }));
  app.get('/media/:name', (req, res) => sendMedia(mediaDir(), req.params.name, res));
  app.use('/media', (_req, res) => res.status(404).end());
  app.get(`${DOWNLOAD_PREFIX}:token`, (req, res) => sendDownload(exportDownloadsFor(hub), req, res));
  app.use((_req, res) => res.sendFile(join(rendererDir, 'index.html')));
  const server: Server = app.listen(port, address);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith(BRIDGE_WS_PATH) || !sameOrigin(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => connect(hub, ws));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      const info = server.address() as AddressInfo;
      const host = address === '0.0.0.0' ? '127.0.0.1' : address;
      resolve({
        url: `http://${host}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * Serves one file of the active profile's media folder to the card frames. Files go out
 * with a sandboxing CSP, so an SVG opened on its own cannot run scripts on this origin.
 */
function sendMedia(dir: string | null, name: string, res: Response): void {
  if (!dir || !isSafeMediaName(name)) {
    res.status(404).end();
    return;
  }
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox" };
  res.sendFile(name, { root: dir, dotfiles: 'deny', maxAge: 0, headers }, (error) => {
    if (error && !res.headersSent) res.status(404).end();
  });
}

/** A finished export, once, to a page of this origin (the token comes from the Export screen). */
function sendDownload(downloads: ExportDownloads, req: Request<{ token: string }>, res: Response): void {
  if (!isSameOriginDownload(req.headers)) {
    res.status(403).end();
    return;
  }
  const file = downloads.take(req.params.token);
  if (!file) {
    res.status(404).end();
    return;
  }
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'application/octet-stream' };
  res.download(file.path, file.name, { dotfiles: 'allow', headers }, (error) => {
    if (error && !res.headersSent) res.status(404).end();
  });
}

function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && origin === `http://${req.headers.host}`;
}

function connect(hub: BridgeHub, ws: WebSocket): void {
  const client = { send: (message: ServerMessage) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(message)) };
  const detach = hub.attach(client);
  ws.on('message', (data) => {
    let message: ClientMessage;
    try {
      message = JSON.parse(String(data)) as ClientMessage;
    } catch {
      return;
    }
    void hub.receive(client, message);
  });
  ws.on('close', detach);
}
