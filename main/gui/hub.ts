import type {
  BridgeEvent,
  BridgeEvents,
  BridgeMethod,
  BridgeParams,
  BridgeResult,
  ClientMessage,
  ServerMessage,
} from '../../shared/bridge';

export type BridgeHandler<M extends BridgeMethod> = (params: BridgeParams<M>) => BridgeResult<M> | Promise<BridgeResult<M>>;

/** One connected renderer (an Electron window or a browser tab). */
export interface BridgeClient {
  send(message: ServerMessage): void;
}

interface PendingCommand {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The main-process end of the bridge, independent of transport: Electron IPC
 * and the headless WebSocket both feed it ClientMessages.
 */
export class BridgeHub {
  private readonly handlers = new Map<string, (params: unknown) => unknown>();
  private readonly clients: BridgeClient[] = [];
  private readonly pending = new Map<number, PendingCommand>();
  private nextCommandId = 1;

  handle<M extends BridgeMethod>(method: M, handler: BridgeHandler<M>): void {
    this.handlers.set(method, handler as (params: unknown) => unknown);
  }

  attach(client: BridgeClient): () => void {
    this.clients.push(client);
    return () => {
      const index = this.clients.indexOf(client);
      if (index >= 0) this.clients.splice(index, 1);
    };
  }

  /** True when a window or browser tab is connected. */
  get attached(): boolean {
    return this.clients.length > 0;
  }

  async receive(client: BridgeClient, message: ClientMessage): Promise<void> {
    if (message.type === 'reply') {
      this.settle(message.commandId, message.result, message.error);
      return;
    }
    const handler = this.handlers.get(message.method);
    try {
      if (!handler) throw new Error(`unknown bridge method: ${message.method}`);
      const result = await handler(message.params ?? {});
      client.send({ type: 'result', id: message.id, result });
    } catch (error) {
      client.send({ type: 'result', id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  }

  broadcast<E extends BridgeEvent>(event: E, payload: BridgeEvents[E]): void {
    for (const client of this.clients) client.send({ type: 'event', event, payload });
  }

  /**
   * Sends a GUI command to the most recently attached renderer and waits for its
   * reply. Rejects when no renderer is attached or it does not answer in time.
   */
  command(kind: string, payload: unknown, timeoutMs = 10_000): Promise<unknown> {
    const client = this.clients[this.clients.length - 1];
    if (!client) return Promise.reject(new Error('no window is attached'));
    const id = this.nextCommandId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the window did not answer "${kind}" in time`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      client.send({ type: 'event', event: 'gui.command', payload: { id, kind, payload } });
    });
  }

  private settle(id: number, result: unknown, error?: string): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (error !== undefined) pending.reject(new Error(error));
    else pending.resolve(result);
  }
}
