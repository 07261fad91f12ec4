import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/api-server';
import type { BridgeClient } from '../../../gui/hub';
import type { GuiCommand, ServerMessage } from '../../../../shared/bridge';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** A stand-in renderer: answers GuiCommands with `answer` and records them; can call bridge methods. */
class FakeWindow {
  readonly commands: GuiCommand[] = [];
  private nextId = 1;
  private readonly results = new Map<number, (message: ServerMessage) => void>();
  private readonly detach: () => void;
  private readonly client: BridgeClient;

  constructor(private readonly answer: (command: GuiCommand) => unknown) {
    this.client = { send: (message) => this.receive(message) };
    this.detach = server.engram.hub.attach(this.client);
  }

  private receive(message: ServerMessage): void {
    if (message.type === 'result') {
      this.results.get(message.id)?.(message);
      return;
    }
    if (message.event !== 'gui.command') return;
    const command = message.payload as GuiCommand;
    this.commands.push(command);
    const result = this.answer(command);
    void server.engram.hub.receive(this.client, { type: 'reply', commandId: command.id, result });
  }

  invoke(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.results.set(id, (message) => (message.type === 'result' && message.error !== undefined ? reject(new Error(message.error)) : resolve(message.type === 'result' ? message.result : undefined)));
      void server.engram.hub.receive(this.client, { type: 'invoke', id, method, params });
    });
  }

  close(): void {
    this.detach();
  }
}

let window: FakeWindow | null = null;
afterEach(() => {
  window?.close();
  window = null;
});

async function addBasic(front: string): Promise<number> {
  return server.call<number>('addNote', { note: { deckName: 'Default', modelName: 'Basic', fields: { Front: front, Back: 'b' } } });
}

describe('gui* actions with no window attached', () => {
  it('guiBrowse still searches; the others answer as the closed window does', async () => {
    const nid = await addBasic('lonely');
    const cards = await server.call<number[]>('findCards', { query: `nid:${nid}` });
    expect(await server.call('guiBrowse', { query: `nid:${nid}` })).toEqual(cards);
    expect(await server.call('guiBrowse', {})).toEqual([]);
    expect(await server.call('guiSelectCard', { card: cards[0] })).toBe(false);
    expect(await server.call('guiSelectNote', { note: cards[0] })).toBe(false);
    expect(await server.call('guiSelectedNotes')).toEqual([]);
    expect(await server.call('guiAddNoteSetData', { note: { fields: { Front: 'x' } } })).toEqual({ error: 'Add Note dialog is not open', code: 1 });
    expect(await server.call('guiEditNote', { note: nid })).toBeNull();
    expect(await server.call('guiImportFile', { path: '/tmp/x.apkg' })).toBeNull();
  });

  it('guiAddCards checks the deck and model, stores media, and returns 0', async () => {
    expect(await server.envelope('guiAddCards', { note: { deckName: 'Nope', modelName: 'Basic', fields: {} } })).toEqual({ result: null, error: 'deck was not found: Nope' });
    expect(await server.envelope('guiAddCards', { note: { deckName: 'Default', modelName: 'Nope', fields: {} } })).toEqual({ result: null, error: 'model was not found: Nope' });
    const note = { deckName: 'Default', modelName: 'Basic', fields: { Front: 'f' }, picture: [{ filename: 'gui-add.png', data: PNG, fields: ['Back'] }] };
    expect(await server.call('guiAddCards', { note })).toBe(0);
    expect(await server.call('retrieveMediaFile', { filename: 'gui-add.png' })).toBe(PNG);
    expect(await server.call('guiAddCards')).toBe(0);
  });

  it('reports bad arguments with the add-on’s texts', async () => {
    const error = async (params: Record<string, unknown>) => (await server.envelope('guiBrowse', params)).error;
    expect(await error({ query: '', reorderCards: [1] })).toBe('reorderCards should be a dict: [1]');
    expect(await error({ query: '', reorderCards: { order: 'ascending' } })).toBe('Must provide a "columnId" and a "order" property"');
    expect(await error({ query: '', reorderCards: { order: 'up', columnId: 'noteFld' } })).toBe('invalid card order: up');
    expect(await error({ query: '', reorderCards: { order: 'ascending', columnId: 'question' } })).toBe('invalid columnId: question');
    expect((await server.envelope('guiEditNote', { note: 1 })).error).toBe('Note was not found: 1');
  });
});

describe('gui* actions driving a window', () => {
  it('guiBrowse opens the browser with the search and sort, and saves the sort', async () => {
    window = new FakeWindow(() => true);
    const nid = await addBasic('browse me');
    const result = await server.call<number[]>('guiBrowse', { query: `nid:${nid}`, reorderCards: { order: 'descending', columnId: 'noteCrt' } });
    expect(result).toHaveLength(1);
    expect(window.commands.at(-1)).toMatchObject({
      kind: 'edit.browse',
      payload: { query: `nid:${nid}`, sort: { column: 'noteCrt', descending: true } },
    });
    expect(await window.invoke('browser.config', {})).toMatchObject({ sort: { cards: { column: 'noteCrt', descending: true } } });
  });

  it('guiSelectCard and guiSelectedNotes ask the window', async () => {
    window = new FakeWindow((c) => (c.kind === 'edit.selectCard' ? true : c.kind === 'edit.selectedNotes' ? [7, 8] : null));
    expect(await server.call('guiSelectCard', { card: 5 })).toBe(true);
    expect(window.commands.at(-1)).toMatchObject({ kind: 'edit.selectCard', payload: { cardId: 5 } });
    expect(await server.call('guiSelectedNotes')).toEqual([7, 8]);
  });

  it('guiAddCards waits for the user to add the note and returns its id', async () => {
    window = new FakeWindow(() => true);
    const pending = server.call<number>('guiAddCards', {
      note: { deckName: 'Default', modelName: 'Basic', fields: { Front: 'from api', Unknown: 'ignored' }, tags: ['gui'], options: { closeAfterAdding: true } },
    });
    await expect.poll(() => window!.commands.find((c) => c.kind === 'edit.addCards')).toBeTruthy();
    const command = window.commands.find((c) => c.kind === 'edit.addCards')!;
    const payload = command.payload as { preset: { fields: Record<string, string>; tags: string[] }; guiRequestId: number; closeAfterAdding: boolean };
    expect(payload.preset.fields).toEqual({ Front: 'from api', Back: '' });
    expect(payload.preset.tags).toEqual(['gui']);
    expect(payload.closeAfterAdding).toBe(true);
    const notetypes = (await window.invoke('edit.notetypes', {})) as { id: number; name: string }[];
    const basic = notetypes.find((n) => n.name === 'Basic')!;
    const added = (await window.invoke('note.add', { notetypeId: basic.id, deckId: 1, fields: ['from api', 'typed'], tags: ['gui'], guiRequestId: payload.guiRequestId })) as { noteId: number };
    expect(await pending).toBe(added.noteId);
  });

  it('guiAddCards answers 0 when the Add screen closes or a newer call replaces it', async () => {
    window = new FakeWindow(() => true);
    const first = server.call<number>('guiAddCards', {});
    await expect.poll(() => window!.commands.length).toBe(1);
    const second = server.call<number>('guiAddCards', {});
    expect(await first).toBe(0);
    await expect.poll(() => window!.commands.length).toBe(2);
    const id = (window.commands[1]!.payload as { guiRequestId: number }).guiRequestId;
    await window.invoke('add.closed', { guiRequestId: id });
    expect(await second).toBe(0);
  });

  it('guiAddNoteSetData fills the open Add screen, checking names', async () => {
    const replies: unknown[] = [{ ok: true }, { missingField: 'Back' }];
    window = new FakeWindow((c) => (c.kind === 'edit.addCurrent' ? { notetypeId: 0, deckId: 1 } : c.kind === 'edit.addSetData' ? replies.shift() : true));
    const notetypes = (await window.invoke('edit.notetypes', {})) as { id: number; name: string }[];
    const basic = notetypes.find((n) => n.name === 'Basic')!;
    window.close();
    window = new FakeWindow((c) => (c.kind === 'edit.addCurrent' ? { notetypeId: basic.id, deckId: 1 } : c.kind === 'edit.addSetData' ? replies.shift() : true));
    const note = { deckName: 'Default', fields: { Front: 'set' }, tags: ['x'], picture: { filename: 'set-data.png', data: PNG, fields: ['Back'] } };
    expect(await server.call('guiAddNoteSetData', { note, append: true })).toBe(true);
    expect(window.commands.at(-1)).toMatchObject({
      kind: 'edit.addSetData',
      payload: { deckId: 1, fields: { Front: 'set' }, tags: ['x'], append: true, appendMarkup: { Back: '<img src="set-data.png">' } },
    });
    expect((await server.envelope('guiAddNoteSetData', { note: { fields: { Nope: 'x' } } })).error).toBe('Field "Nope" not found in current note');
    expect((await server.envelope('guiAddNoteSetData', { note: { deckName: 'Nope' } })).error).toBe('Deck "Nope" not found');
    expect((await server.envelope('guiAddNoteSetData', { note: { modelName: 'Nope' } })).error).toBe('Model "Nope" not found');
    expect((await server.envelope('guiAddNoteSetData', { note: { fields: {} } })).error).toBe('Field "Back" not found in current note');
  });

  it('guiEditNote and guiImportFile open their screens', async () => {
    window = new FakeWindow(() => true);
    const nid = await addBasic('edit me');
    expect(await server.call('guiEditNote', { note: nid })).toBeNull();
    expect(await server.call('guiImportFile', { path: '/tmp/deck.apkg' })).toBeNull();
    expect(window.commands.map((c) => [c.kind, c.payload])).toEqual([
      ['edit.editNote', { noteId: nid }],
      ['edit.import', { path: '/tmp/deck.apkg' }],
    ]);
  });
});
