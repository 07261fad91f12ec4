import type { BridgeHub } from '../hub';
import type { EditCommandKind, EditCommands } from '../../../shared/bridge/edit';

/** Sends an editing GuiCommand to the attached window and types its answer. */
export function sendEditCommand<K extends EditCommandKind>(
  hub: BridgeHub,
  kind: K,
  payload: EditCommands[K][0],
  timeoutMs?: number,
): Promise<EditCommands[K][1]> {
  return hub.command(kind, payload, timeoutMs) as Promise<EditCommands[K][1]>;
}
