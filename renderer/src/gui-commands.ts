/**
 * Handlers for GuiCommands sent by the main process's GUI controller (gui* actions).
 * Areas register their handlers at module load; App dispatches and replies.
 */
export type CommandHandler = (payload: unknown) => unknown | Promise<unknown>;

const handlers = new Map<string, CommandHandler>();

export function registerCommand(kind: string, handler: CommandHandler): () => void {
  handlers.set(kind, handler);
  return () => {
    if (handlers.get(kind) === handler) handlers.delete(kind);
  };
}

export async function runCommand(kind: string, payload: unknown): Promise<unknown> {
  const handler = handlers.get(kind);
  if (!handler) throw new Error(`the window cannot handle "${kind}"`);
  return handler(payload);
}
