/** Helpers for the study area's unit tests: a temp collection with notes, a hub with a fake window. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection } from '../../engine/collection';
import { addNote } from '../../engine/notes/add';
import { notetypeByName } from '../../engine/notetypes/store';
import { ensureDeck } from '../../engine/decks/store';
import { BridgeHub, type BridgeClient } from '../hub';
import type { ApiHost } from '../../api/host';
import type { GuiCommand, ServerMessage } from '../../../shared/bridge';

export function tempCollection(now?: () => number): Collection {
  return Collection.open(join(mkdtempSync(join(tmpdir(), 'engram-study-')), 'collection.sqlite'), now ? { now } : {});
}

export function addNotes(col: Collection, deck: string, fronts: string[], notetype = 'Basic'): number[] {
  const deckId = ensureDeck(col, deck);
  const nt = notetypeByName(col, notetype)!;
  return fronts.map((front) => {
    const fields = nt.flds.map((_, i) => (i === 0 ? front : `${front} back`));
    return addNote(col, { notetypeId: nt.id, deckId, fields }).noteId;
  });
}

/** A hub with (optionally) one fake window that records commands and answers them with `true`. */
export function fakeGui(col: () => Collection, attach = true): { hub: BridgeHub; host: ApiHost; commands: GuiCommand[] } {
  const hub = new BridgeHub();
  const commands: GuiCommand[] = [];
  const client: BridgeClient = {
    send(message: ServerMessage) {
      if (message.type !== 'event' || message.event !== 'gui.command') return;
      const command = message.payload as GuiCommand;
      commands.push(command);
      queueMicrotask(() => void hub.receive(client, { type: 'reply', commandId: command.id, result: true }));
    },
  };
  if (attach) hub.attach(client);
  const host = { collection: col } as unknown as ApiHost;
  return { hub, host, commands };
}
