import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';
import type { Collection } from '../../engine/collection';
import { notetypeByName } from '../../engine/notetypes/store';
import { DEFAULT_CSS, DEFAULT_LATEX_POST, DEFAULT_LATEX_PRE } from '../../engine/notetypes/stock';

let server: TestServer;
let col: Collection;

const STOCK = ['Basic', 'Basic (and reversed card)', 'Basic (optional reversed card)', 'Basic (type in the answer)', 'Cloze'];

beforeAll(async () => {
  server = await startTestServer();
  col = server.engram.host.collection();
});
afterAll(async () => {
  await server.close();
});

async function rawReply(action: string, params: Record<string, unknown>): Promise<string> {
  const response = await fetch(server.url, { method: 'POST', body: JSON.stringify({ action, version: 6, params }) });
  return response.text();
}

describe('reading models', () => {
  it('lists names (sorted) and ids', async () => {
    const names = await server.call<string[]>('modelNames');
    expect(names.slice(0, 5)).toEqual(STOCK);
    const ids = await server.call<Record<string, number>>('modelNamesAndIds');
    expect(Object.keys(ids)).toEqual(names);
    expect(ids.Basic).toBe(notetypeByName(col, 'Basic')!.id);
  });

  it('returns full notetype dicts like the findModelsById sample, with exact i64 ids', async () => {
    const basic = notetypeByName(col, 'Basic')!;
    const reversed = notetypeByName(col, 'Basic (and reversed card)')!;
    const [model] = await server.call<Record<string, unknown>[]>('findModelsById', { modelIds: [basic.id] });
    expect(Object.keys(model!)).toEqual([
      'id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css', 'latexPre', 'latexPost', 'latexsvg', 'req', 'originalStockKind',
    ]);
    expect(model).toMatchObject({
      id: basic.id,
      name: 'Basic',
      type: 0,
      sortf: 0,
      did: null,
      css: DEFAULT_CSS,
      latexPre: DEFAULT_LATEX_PRE,
      latexPost: DEFAULT_LATEX_POST,
      latexsvg: false,
      originalStockKind: 1,
    });
    const tmpls = model!.tmpls as Record<string, unknown>[];
    expect(Object.keys(tmpls[0]!)).toEqual(['name', 'ord', 'qfmt', 'afmt', 'bqfmt', 'bafmt', 'did', 'bfont', 'bsize', 'id']);
    expect(tmpls[0]).toMatchObject({ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' });
    const flds = model!.flds as Record<string, unknown>[];
    expect(Object.keys(flds[0]!)).toEqual([
      'name', 'ord', 'sticky', 'rtl', 'font', 'size', 'description', 'plainText', 'collapsed', 'excludeFromSearch', 'id', 'tag', 'preventDeletion',
    ]);
    expect(flds.map((f) => f.name)).toEqual(['Front', 'Back']);
    // i64 ids are written as exact integers, not rounded doubles.
    const text = await rawReply('findModelsById', { modelIds: [basic.id] });
    expect(text).toContain(`"id": ${basic.flds[0]!.id.toString()}, "tag": null`);
    expect(text).toContain(`"bsize": 0, "id": ${basic.tmpls[0]!.id.toString()}}`);

    const byName = await server.call<Record<string, unknown>[]>('findModelsByName', { modelNames: ['Basic', 'Basic (and reversed card)'] });
    expect(byName.map((m) => m.id)).toEqual([basic.id, reversed.id]);
    expect((byName[1]!.tmpls as unknown[]).length).toBe(2);
    expect(byName[1]!.req).toEqual(reversed.req);
  });

  it('fails on the first missing model', async () => {
    expect((await server.envelope('findModelsById', { modelIds: [notetypeByName(col, 'Basic')!.id, 123] })).error).toBe(
      'model was not found: 123',
    );
    expect((await server.envelope('findModelsByName', { modelNames: ['Nope', 'Basic'] })).error).toBe('model was not found: Nope');
    expect((await server.envelope('modelNameFromId', { modelId: 123 })).error).toBe('model was not found: 123');
    expect(await server.call('modelNameFromId', { modelId: notetypeByName(col, 'Cloze')!.id })).toBe('Cloze');
  });

  it('answers the field samples, finding models case-insensitively', async () => {
    expect(await server.envelope('modelFieldNames', { modelName: 'Basic' })).toEqual({ result: ['Front', 'Back'], error: null });
    expect(await server.call('modelFieldNames', { modelName: 'basic' })).toEqual(['Front', 'Back']);
    expect(await server.call('modelFieldDescriptions', { modelName: 'Basic' })).toEqual(['', '']);
    expect(await server.call('modelFieldFonts', { modelName: 'Basic' })).toEqual({
      Front: { font: 'Arial', size: 20 },
      Back: { font: 'Arial', size: 20 },
    });
    expect(await server.call('modelFieldsOnTemplates', { modelName: 'Basic (and reversed card)' })).toEqual({
      'Card 1': [['Front'], ['Back']],
      'Card 2': [['Back'], ['Front']],
    });
    expect(await server.call('modelFieldsOnTemplates', { modelName: 'Cloze' })).toEqual({ Cloze: [['Text'], ['Back Extra']] });
    expect((await server.envelope('modelFieldNames', { modelName: 'Nope' })).error).toBe('model was not found: Nope');
    expect((await server.envelope('modelFieldNames', { modelName: 5 })).error).toContain("'modelName'");
  });

  it('answers modelTemplates and modelStyling like the samples', async () => {
    expect(await server.call('modelTemplates', { modelName: 'Basic (and reversed card)' })).toEqual({
      'Card 1': { Front: '{{Front}}', Back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
      'Card 2': { Front: '{{Back}}', Back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
    });
    expect(await server.call('modelStyling', { modelName: 'Basic (and reversed card)' })).toEqual({ css: DEFAULT_CSS });
  });
});

describe('createModel', () => {
  it('creates the sample model and returns its dict', async () => {
    const result = await server.call<Record<string, unknown>>('createModel', {
      modelName: 'newModelName',
      inOrderFields: ['Field1', 'Field2', 'Field3'],
      css: 'Optional CSS with default to builtin css',
      isCloze: false,
      cardTemplates: [{ Name: 'My Card 1', Front: 'Front html {{Field1}}', Back: 'Back html {{Field2}}' }],
    });
    const stored = notetypeByName(col, 'newModelName')!;
    expect(result).toMatchObject({ id: stored.id, name: 'newModelName', type: 0, css: 'Optional CSS with default to builtin css', sortf: 0 });
    expect((result.flds as { name: string; ord: number }[]).map((f) => [f.name, f.ord])).toEqual([
      ['Field1', 0],
      ['Field2', 1],
      ['Field3', 2],
    ]);
    expect(result.tmpls).toMatchObject([{ name: 'My Card 1', ord: 0, qfmt: 'Front html {{Field1}}', afmt: 'Back html {{Field2}}' }]);
    expect(result.req).toEqual([[0, 'any', [0]]]);
    expect(await server.call('modelNames')).toContain('newModelName');
  });

  it('defaults template names, CSS and kind; isCloze keeps the Basic CSS', async () => {
    const plain = await server.call<Record<string, unknown>>('createModel', {
      modelName: 'Defaults',
      inOrderFields: ['A', 'B'],
      cardTemplates: [
        { Front: '{{A}}', Back: '{{B}}' },
        { Front: '{{B}}', Back: '{{A}}' },
      ],
    });
    expect((plain.tmpls as { name: string }[]).map((t) => t.name)).toEqual(['Card 1', 'Card 2']);
    expect(plain.css).toBe(DEFAULT_CSS);
    const cloze = await server.call<Record<string, unknown>>('createModel', {
      modelName: 'My Cloze',
      inOrderFields: ['Text', 'Extra'],
      isCloze: true,
      cardTemplates: [{ Front: '{{cloze:Text}}', Back: '{{cloze:Text}}<br>{{Extra}}' }],
    });
    expect(cloze).toMatchObject({ type: 1, css: DEFAULT_CSS });
  });

  it('reports the add-on errors and creates nothing', async () => {
    const before = await server.call<string[]>('modelNames');
    const create = (params: Record<string, unknown>) => server.envelope('createModel', params);
    const one = [{ Front: '{{A}}', Back: '{{A}}' }];
    expect((await create({ modelName: 'E1', inOrderFields: [], cardTemplates: one })).error).toBe(
      'Must provide at least one field for inOrderFields',
    );
    expect((await create({ modelName: 'E2', inOrderFields: ['A'], cardTemplates: [] })).error).toBe(
      'Must provide at least one card for cardTemplates',
    );
    expect((await create({ modelName: 'Basic', inOrderFields: ['A'], cardTemplates: one })).error).toBe('Model name already exists');
    expect((await create({ modelName: 'E3', inOrderFields: ['A'], cardTemplates: [{ Back: 'x' }] })).error).toBe("'Front'");
    expect((await create({ modelName: 'Basic', inOrderFields: ['A'], cardTemplates: [{ Back: 'x' }] })).error).toBe('Model name already exists');
    expect((await create({ modelName: 'E4', inOrderFields: ['A'], cardTemplates: [{ Front: 'no field', Back: 'x' }] })).error).toBe(
      "Card template \u20681\u2069 in note type '\u2068E4\u2069' has a problem.<br>Expected to find a field replacement on the front of the card template.",
    );
    expect((await create({ modelName: 'E5', inOrderFields: ['A'], cardTemplates: [{ Front: '{{A}} {{Nope}}', Back: '' }] })).error).toBe(
      "Card template \u20681\u2069 in note type '\u2068E5\u2069' has a problem.<br>Field '\u2068Nope\u2069' not found.",
    );
    expect(
      (await create({ modelName: 'E6', inOrderFields: ['A'], isCloze: true, cardTemplates: [{ Front: '{{A}}', Back: '{{A}}' }] })).error,
    ).toBe(
      "Card template \u20681\u2069 in note type '\u2068E6\u2069' has a problem.<br>Expected to find '{{cloze:Text}}' or similar on the front and back of the card template.",
    );
    expect(
      (
        await create({
          modelName: 'E7',
          inOrderFields: ['A'],
          cardTemplates: [
            { Front: '{{A}}', Back: '1' },
            { Front: '{{A}}', Back: '2' },
          ],
        })
      ).error,
    ).toBe("Card template \u20682\u2069 in note type '\u2068E7\u2069' has a problem.<br>The front side is identical to card template \u20681\u2069.");
    expect((await create({ modelName: 'E8', inOrderFields: [1], cardTemplates: one })).error).toContain("'inOrderFields[0]'");
    expect(await server.call('modelNames')).toEqual(before);
  });

  it('renames a case-insensitive clash like ModelManager.ensure_name_unique', async () => {
    const result = await server.call<{ name: string }>('createModel', {
      modelName: 'basic',
      inOrderFields: ['A'],
      cardTemplates: [{ Front: '{{A}}', Back: '{{A}}' }],
    });
    expect(result.name).toMatch(/^basic-[0-9a-f]{5}$/);
  });

  it('fixes field names like Anki and makes duplicates unique', async () => {
    const result = await server.call<Record<string, unknown>>('createModel', {
      modelName: 'Names',
      inOrderFields: ['  #Que:st{ion}', 'Answer', 'answer'],
      cardTemplates: [{ Front: '{{Question}}', Back: '{{Answer}}' }],
    });
    expect((result.flds as { name: string }[]).map((f) => f.name)).toEqual(['Question', 'Answer', 'answer+']);
  });
});

describe('updating templates and styling', () => {
  beforeAll(async () => {
    await server.call('createModel', {
      modelName: 'Custom',
      inOrderFields: ['Question', 'Answer'],
      cardTemplates: [{ Front: '{{Question}}', Back: '{{Answer}}' }],
    });
  });

  it('updateModelTemplates: the sample, ignoring empty sides and unknown templates', async () => {
    const params = { model: { name: 'Custom', templates: { 'Card 1': { Front: '{{Question}}?', Back: '{{Answer}}!' } } } };
    expect(await server.envelope('updateModelTemplates', params)).toEqual({ result: null, error: null });
    expect(await server.call('modelTemplates', { modelName: 'Custom' })).toEqual({ 'Card 1': { Front: '{{Question}}?', Back: '{{Answer}}!' } });
    await server.call('updateModelTemplates', { model: { name: 'Custom', templates: { 'Card 1': { Front: '', Back: '{{Answer}}!!' }, Nope: { Front: 'x' } } } });
    expect(await server.call('modelTemplates', { modelName: 'Custom' })).toEqual({ 'Card 1': { Front: '{{Question}}?', Back: '{{Answer}}!!' } });
  });

  it('updateModelTemplates: errors leave the model unchanged', async () => {
    const before = notetypeByName(col, 'Custom')!;
    expect((await server.envelope('updateModelTemplates', { model: { name: 'Nope', templates: {} } })).error).toBe('model was not found: Nope');
    expect((await server.envelope('updateModelTemplates', { model: { name: 'Custom' } })).error).toBe("'templates'");
    expect((await server.envelope('updateModelTemplates', { model: { templates: {} } })).error).toBe("'name'");
    const broken = { model: { name: 'Custom', templates: { 'Card 1': { Front: 'no fields here' } } } };
    expect((await server.envelope('updateModelTemplates', broken)).error).toContain('Expected to find a field replacement');
    expect(notetypeByName(col, 'Custom')).toEqual(before);
  });

  it('updateModelStyling: the sample', async () => {
    expect(await server.envelope('updateModelStyling', { model: { name: 'Custom', css: 'p { color: blue; }' } })).toEqual({
      result: null,
      error: null,
    });
    expect(await server.call('modelStyling', { modelName: 'Custom' })).toEqual({ css: 'p { color: blue; }' });
  });

  it('findAndReplaceInModels takes top-level params (the README sample nests them and fails)', async () => {
    const nested = {
      model: { modelName: '', findText: 'text_to_replace', replaceText: 'replace_with_text', front: true, back: true, css: true },
    };
    expect((await server.envelope('findAndReplaceInModels', nested)).error).toBe(
      "AnkiConnect.findAndReplaceInModels() got an unexpected keyword argument 'model'",
    );
    await server.call('updateModelStyling', { model: { name: 'Custom', css: '.x { color: text_to_replace; }' } });
    expect(await server.call('findAndReplaceInModels', { modelName: 'Custom', findText: 'text_to_replace', replaceText: 'red' })).toBe(1);
    expect(await server.call('modelStyling', { modelName: 'Custom' })).toEqual({ css: '.x { color: red; }' });
    expect(
      await server.call('findAndReplaceInModels', { modelName: '', findText: '{{Question}}?', replaceText: '{{Question}}?', css: false }),
    ).toBe(1);
    expect(await server.call('findAndReplaceInModels', { modelName: null, findText: 'arial', replaceText: 'arial', front: false, back: false })).toBe(
      (await server.call<string[]>('modelNames')).length - 2, // all but the two models with custom CSS
    );
    expect((await server.envelope('findAndReplaceInModels', { modelName: 'Nope', findText: 'a', replaceText: 'b' })).error).toBe(
      'model was not found: Nope',
    );
  });

  it('findAndReplaceInModels respects front/back flags', async () => {
    expect(
      await server.call('findAndReplaceInModels', { modelName: 'Custom', findText: '!!', replaceText: '!', front: false, back: false, css: false }),
    ).toBe(0);
    expect(await server.call('findAndReplaceInModels', { modelName: 'Custom', findText: '!!', replaceText: '!', front: false })).toBe(1);
    expect(await server.call('modelTemplates', { modelName: 'Custom' })).toEqual({ 'Card 1': { Front: '{{Question}}?', Back: '{{Answer}}!' } });
  });
});
