import {
  BRIDGE_WS_PATH,
  ELECTRON_BRIDGE_KEY,
  type Bridge,
  type BridgeEvent,
  type BridgeEvents,
  type BridgeMethod,
  type BridgeParams,
  type BridgeResult,
  type ClientMessage,
  type ServerMessage,
} from '../../../shared/bridge';

type Listener = (payload: unknown) => void;

/** The bridge over a WebSocket to the headless server (reconnects if the server restarts). */
export class WebSocketBridge implements Bridge {
  private socket: WebSocket | null = null;
  private ready: Promise<WebSocket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly url: string) {}

  private connect(): Promise<WebSocket> {
    if (this.ready) return this.ready;
    this.ready = new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      socket.onopen = () => {
        this.socket = socket;
        resolve(socket);
      };
      socket.onerror = () => reject(new Error('cannot reach Engram'));
      socket.onclose = () => {
        this.socket = null;
        this.ready = null;
        for (const p of this.pending.values()) p.reject(new Error('connection to Engram lost'));
        this.pending.clear();
        setTimeout(() => void this.connect().catch(() => undefined), 1000);
      };
      socket.onmessage = (event) => this.receive(JSON.parse(String(event.data)) as ServerMessage);
    });
    return this.ready;
  }

  private receive(message: ServerMessage): void {
    if (message.type === 'result') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.result);
      return;
    }
    for (const listener of this.listeners.get(message.event) ?? []) listener(message.payload);
  }

  private async send(message: ClientMessage): Promise<void> {
    const socket = await this.connect();
    socket.send(JSON.stringify(message));
  }

  invoke<M extends BridgeMethod>(method: M, params: BridgeParams<M>): Promise<BridgeResult<M>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ type: 'invoke', id, method, params }).catch(reject);
    });
  }

  on<E extends BridgeEvent>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    this.listeners.set(event, set);
    void this.connect().catch(() => undefined);
    return () => set.delete(listener as Listener);
  }

  reply(commandId: number, result: unknown, error?: string): void {
    void this.send({ type: 'reply', commandId, result, error });
  }
}

/** Electron's preload exposes the bridge; a browser talks to the headless server. */
export function createBridge(): Bridge {
  const exposed = (window as unknown as Record<string, Bridge | undefined>)[ELECTRON_BRIDGE_KEY];
  if (exposed) return exposed;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return new WebSocketBridge(`${scheme}//${location.host}${BRIDGE_WS_PATH}`);
}
