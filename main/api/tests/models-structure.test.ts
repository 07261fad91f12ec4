import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';
import type { Collection } from '../../engine/collection';
import { addNote } from '../../engine/notes';
import { notetypeByName } from '../../engine/notetypes/store';
import { fieldChecksum, splitFields } from '../../engine/text';

let server: TestServer;
let col: Collection;
let counter = 0;

beforeAll(async () => {
  server = await startTestServer();
  col = server.engram.host.collection();
});
afterAll(async () => {
  await server.close();
});

/** A fresh two-field, two-template model with one note, so every test starts clean. */
async function setup(templates = 2): Promise<{ name: string; noteId: number }> {
  const name = `Model ${++counter}`;
  await server.call('createModel', {
    modelName: name,
    inOrderFields: ['Front', 'Back'],
    cardTemplates: [
      { Name: 'Card 1', Front: '{{Front}}', Back: '{{FrontSide}}<hr>{{Back}}' },
      { Name: 'Card 2', Front: '{{Back}}', Back: '{{FrontSide}}<hr>{{Front}}' },
    ].slice(0, templates),
  });
  const nt = notetypeByName(col, name)!;
  const { noteId } = addNote(col, { notetypeId: nt.id, deckId: 1, fields: ['front value', 'back value'] });
  return { name, noteId };
}

const note = (id: number) => col.db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as { flds: string; sfld: string; csum: number };
const fields = (id: number) => splitFields(note(id).flds);
const cards = (noteId: number) =>
  col.db.prepare('SELECT id, ord FROM cards WHERE nid = ? ORDER BY ord').all(noteId) as { id: number; ord: number }[];
const templates = (name: string) => server.call<Record<string, { Front: string; Back: string }>>('modelTemplates', { modelName: name });
const schemaMod = () => col.db.prepare('SELECT scm FROM col').pluck().get() as number;

describe('template structure', () => {
  it('modelTemplateRename: the sample; missing template error', async () => {
    const { name } = await setup(1);
    expect(await server.envelope('modelTemplateRename', { modelName: name, oldTemplateName: 'Card 1', newTemplateName: 'Card 1 renamed' })).toEqual({
      result: null,
      error: null,
    });
    expect(Object.keys(await templates(name))).toEqual(['Card 1 renamed']);
    expect((await server.envelope('modelTemplateRename', { modelName: name, oldTemplateName: 'Card 1', newTemplateName: 'x' })).error).toBe(
      `template was not found in ${name}: Card 1`,
    );
  });

  it('modelTemplateReposition moves cards with their templates', async () => {
    const { name, noteId } = await setup();
    const [first, second] = cards(noteId);
    const before = schemaMod();
    await new Promise((r) => setTimeout(r, 2));
    expect(await server.envelope('modelTemplateReposition', { modelName: name, templateName: 'Card 1', index: 1 })).toEqual({
      result: null,
      error: null,
    });
    expect(Object.keys(await templates(name))).toEqual(['Card 2', 'Card 1']);
    expect(cards(noteId)).toEqual([
      { id: second!.id, ord: 0 },
      { id: first!.id, ord: 1 },
    ]);
    expect(schemaMod()).toBeGreaterThan(before);
    const [info] = await server.call<{ question: string }[]>('cardsInfo', { cards: [first!.id] });
    expect(info!.question).toContain('front value');
  });

  it('modelTemplateAdd generates cards for existing notes; an existing name is left alone', async () => {
    const { name, noteId } = await setup(1);
    expect(cards(noteId)).toHaveLength(1);
    const template = { Name: 'Card 3', Front: 'Front html {{Back}}', Back: 'Back html {{Front}}' };
    expect(await server.envelope('modelTemplateAdd', { modelName: name, template })).toEqual({ result: null, error: null });
    expect(cards(noteId).map((c) => c.ord)).toEqual([0, 1]);
    expect((await templates(name))['Card 3']).toEqual({ Front: 'Front html {{Back}}', Back: 'Back html {{Front}}' });
    const again = { Name: 'Card 3', Front: 'changed {{Back}}', Back: 'changed' };
    expect(await server.envelope('modelTemplateAdd', { modelName: name, template: again })).toEqual({ result: null, error: null });
    expect((await templates(name))['Card 3']!.Front).toBe('Front html {{Back}}');
    expect((await server.envelope('modelTemplateAdd', { modelName: name, template: { Front: 'x', Back: 'y' } })).error).toBe("'Name'");
  });

  it('modelTemplateRemove deletes the template cards; the last template cannot go', async () => {
    const { name, noteId } = await setup();
    const [, second] = cards(noteId);
    expect(await server.envelope('modelTemplateRemove', { modelName: name, templateName: 'Card 1' })).toEqual({ result: null, error: null });
    expect(Object.keys(await templates(name))).toEqual(['Card 2']);
    expect(cards(noteId)).toEqual([{ id: second!.id, ord: 0 }]);
    expect(col.db.prepare('SELECT count(*) FROM graves WHERE type = 0').pluck().get()).toBeGreaterThan(0);
    expect((await server.envelope('modelTemplateRemove', { modelName: name, templateName: 'Card 2' })).error).toBe('must have 1 template');
    expect(cards(noteId)).toHaveLength(1);
  });

  it('modelTemplateRemove refuses to leave notes without cards', async () => {
    const { name } = await setup();
    const nt = notetypeByName(col, name)!;
    const { noteId } = addNote(col, { notetypeId: nt.id, deckId: 1, fields: ['', 'only back'] });
    expect(cards(noteId).map((c) => c.ord)).toEqual([1]);
    expect((await server.envelope('modelTemplateRemove', { modelName: name, templateName: 'Card 2' })).error).toMatch(
      /would leave 1 note\(s\) without cards/,
    );
    expect(Object.keys(await templates(name))).toEqual(['Card 1', 'Card 2']);
  });
});

describe('field structure', () => {
  it('modelFieldRename renames template references and keeps note values', async () => {
    const { name, noteId } = await setup();
    expect(await server.envelope('modelFieldRename', { modelName: name, oldFieldName: 'Front', newFieldName: 'FrontRenamed' })).toEqual({
      result: null,
      error: null,
    });
    expect(await server.call('modelFieldNames', { modelName: name })).toEqual(['FrontRenamed', 'Back']);
    expect(await templates(name)).toEqual({
      'Card 1': { Front: '{{FrontRenamed}}', Back: '{{FrontSide}}<hr>{{Back}}' },
      'Card 2': { Front: '{{Back}}', Back: '{{FrontSide}}<hr>{{FrontRenamed}}' },
    });
    expect(fields(noteId)).toEqual(['front value', 'back value']);
    expect((await server.envelope('modelFieldRename', { modelName: name, oldFieldName: 'Front', newFieldName: 'x' })).error).toBe(
      `field was not found in ${name}: Front`,
    );
  });

  it('renames filtered and conditional references like Anki', async () => {
    const { name } = await setup(1);
    await server.call('updateModelTemplates', {
      model: { name, templates: { 'Card 1': { Front: '{{Front}}\n{{#Front}}{{text:Front}}{{Back}}{{/Front}}{{^Front}}-{{/Front}}' } } },
    });
    await server.call('modelFieldRename', { modelName: name, oldFieldName: 'Front', newFieldName: 'Test' });
    expect((await templates(name))['Card 1']!.Front).toBe('{{Test}}\n{{#Test}}{{text:Test}}{{Back}}{{/Test}}{{^Test}}-{{/Test}}');
    await server.call('modelFieldRemove', { modelName: name, fieldName: 'Test' });
    expect((await templates(name))['Card 1']!.Front).toBe('\n{{Back}}-');
  });

  it('modelFieldReposition reorders every note and keeps the sort field', async () => {
    const { name, noteId } = await setup();
    expect(await server.envelope('modelFieldReposition', { modelName: name, fieldName: 'Back', index: 0 })).toEqual({ result: null, error: null });
    expect(await server.call('modelFieldNames', { modelName: name })).toEqual(['Back', 'Front']);
    expect(fields(noteId)).toEqual(['back value', 'front value']);
    expect(notetypeByName(col, name)!.sortf).toBe(1);
    expect(note(noteId)).toMatchObject({ sfld: 'front value', csum: fieldChecksum('back value') });
    // Out of range moves to the end (upstream test: index 2 on two fields).
    await server.call('modelFieldReposition', { modelName: name, fieldName: 'Back', index: 2 });
    expect(await server.call('modelFieldNames', { modelName: name })).toEqual(['Front', 'Back']);
    expect(fields(noteId)).toEqual(['front value', 'back value']);
    expect((await server.envelope('modelFieldReposition', { modelName: name, fieldName: 'Back', index: 'x' })).error).toContain("'index'");
  });

  it('modelFieldAdd appends or inserts an empty value; an existing field is only moved', async () => {
    const { name, noteId } = await setup();
    const before = schemaMod();
    await new Promise((r) => setTimeout(r, 2));
    expect(await server.envelope('modelFieldAdd', { modelName: name, fieldName: 'NewField', index: 0 })).toEqual({ result: null, error: null });
    expect(await server.call('modelFieldNames', { modelName: name })).toEqual(['NewField', 'Front', 'Back']);
    expect(fields(noteId)).toEqual(['', 'front value', 'back value']);
    expect(schemaMod()).toBeGreaterThan(before);
    await server.call('modelFieldAdd', { modelName: name, fieldName: 'Extra' });
    expect(fields(noteId)).toEqual(['', 'front value', 'back value', '']);
    await server.call('modelFieldAdd', { modelName: name, fieldName: 'NewField', index: 3 });
    expect(await server.call('modelFieldNames', { modelName: name })).toEqual(['Front', 'Back', 'Extra', 'NewField']);
    expect(fields(noteId)).toEqual(['front value', 'back value', '', '']);
  });

  it('modelFieldRemove drops the values and the references, keeping a field on every front', async () => {
    const { name, noteId } = await setup(1);
    expect(await server.envelope('modelFieldRemove', { modelName: name, fieldName: 'Front' })).toEqual({ result: null, error: null });
    expect(await server.call('modelFieldNames', { modelName: name })).toEqual(['Back']);
    expect(fields(noteId)).toEqual(['back value']);
    expect(await templates(name)).toEqual({ 'Card 1': { Front: '{{Back}}', Back: '{{FrontSide}}<hr>{{Back}}' } });
  });

  it('refuses a removal that would make two fronts identical, as Anki does', async () => {
    const { name, noteId } = await setup();
    expect((await server.envelope('modelFieldRemove', { modelName: name, fieldName: 'Front' })).error).toBe(
      `Card template \u20682\u2069 in note type '\u2068${name}\u2069' has a problem.<br>The front side is identical to card template \u20681\u2069.`,
    );
    expect(fields(noteId)).toEqual(['front value', 'back value']);
  });

  it('a refused change leaves notes and notetype untouched', async () => {
    const { name, noteId } = await setup(1);
    await server.call('modelFieldRemove', { modelName: name, fieldName: 'Front' });
    const nt = notetypeByName(col, name)!;
    const stored = note(noteId);
    expect((await server.envelope('modelFieldRemove', { modelName: name, fieldName: 'Back' })).error).toBe('1 field required');
    expect(notetypeByName(col, name)).toEqual(nt);
    expect(note(noteId)).toEqual(stored);
    expect((await server.envelope('modelFieldRename', { modelName: name, oldFieldName: 'Back', newFieldName: ':{}' })).error).toBe(
      'Field name: ',
    );
    expect(notetypeByName(col, name)).toEqual(nt);
  });

  it('sets font, size and description with the add-on type errors', async () => {
    const { name } = await setup(1);
    expect(await server.envelope('modelFieldSetFont', { modelName: name, fieldName: 'Front', font: 'Courier' })).toEqual({ result: null, error: null });
    expect(await server.envelope('modelFieldSetFontSize', { modelName: name, fieldName: 'Front', fontSize: 10 })).toEqual({
      result: null,
      error: null,
    });
    expect(await server.call('modelFieldFonts', { modelName: name })).toEqual({
      Front: { font: 'Courier', size: 10 },
      Back: { font: 'Arial', size: 20 },
    });
    expect(
      await server.envelope('modelFieldSetDescription', { modelName: name, fieldName: 'Front', description: 'example field description' }),
    ).toEqual({ result: true, error: null });
    expect(await server.call('modelFieldDescriptions', { modelName: name })).toEqual(['example field description', '']);
    expect((await server.envelope('modelFieldSetFont', { modelName: name, fieldName: 'Front', font: 5 })).error).toBe('font should be a string: 5');
    expect((await server.envelope('modelFieldSetFontSize', { modelName: name, fieldName: 'Front', fontSize: '10' })).error).toBe(
      'fontSize should be an integer: 10',
    );
    expect((await server.envelope('modelFieldSetDescription', { modelName: name, fieldName: 'Front', description: null })).error).toBe(
      'description should be a string: None',
    );
    expect((await server.envelope('modelFieldSetFont', { modelName: name, fieldName: 'Nope', font: 'x' })).error).toBe(
      `field was not found in ${name}: Nope`,
    );
    expect((await server.envelope('modelFieldSetFont', { modelName: 'Nope', fieldName: 'Front', font: 'x' })).error).toBe('model was not found: Nope');
  });
});
