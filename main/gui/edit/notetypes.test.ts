import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../engine/collection';
import { noteById, noteFields } from '../../engine/notes';
import { notetypeByName } from '../../engine/notetypes/store';
import { addBasic, tempCollection } from './testing/collection';
import { addNotetype, applyNotetypeOp, deleteNotetype, previewTemplate } from './notetypes';

let col: Collection;
beforeEach(() => (col = tempCollection()));
afterEach(() => col.close());

const basicId = () => notetypeByName(col, 'Basic')!.id;

describe('note types manager', () => {
  it('adds stock kinds and clones, refusing taken names', () => {
    const cloze = addNotetype(col, 'My Cloze', 'cloze');
    expect(cloze.cloze).toBe(true);
    expect(cloze.fields.map((f) => f.name)).toEqual(['Text', 'Back Extra']);
    const copy = addNotetype(col, 'Basic copy', undefined, basicId());
    expect(copy.templates.map((t) => t.qfmt)).toEqual(['{{Front}}']);
    expect(() => addNotetype(col, 'basic', 'basic')).toThrow(/already exists/);
  });

  it('edits fields and keeps notes in step', () => {
    const nid = addBasic(col, 'front', 'back');
    applyNotetypeOp(col, basicId(), { kind: 'addField', name: 'Extra' });
    applyNotetypeOp(col, basicId(), { kind: 'renameField', ord: 0, name: 'Question' });
    let info = applyNotetypeOp(col, basicId(), { kind: 'repositionField', ord: 2, to: 0 });
    expect(info.fields.map((f) => f.name)).toEqual(['Extra', 'Question', 'Back']);
    expect(info.templates[0]!.qfmt).toBe('{{Question}}');
    expect(noteFields(noteById(col, nid)!)).toEqual(['', 'front', 'back']);
    info = applyNotetypeOp(col, basicId(), { kind: 'fieldSticky', ord: 1, sticky: true });
    expect(info.fields[1]!.sticky).toBe(true);
    applyNotetypeOp(col, basicId(), { kind: 'removeField', ord: 0 });
    expect(noteFields(noteById(col, nid)!)).toEqual(['front', 'back']);
    expect(() => applyNotetypeOp(col, basicId(), { kind: 'addField', name: 'Back' })).toThrow(/already exists/);
    expect(() => applyNotetypeOp(col, basicId(), { kind: 'renameField', ord: 9, name: 'x' })).toThrow(/not found/);
  });

  it('edits templates and renders a live preview of unsaved changes', () => {
    addBasic(col, 'apple', 'pomme');
    const info = applyNotetypeOp(col, basicId(), { kind: 'addTemplate', name: 'Reverse' });
    expect(info.templates.map((t) => t.name)).toEqual(['Card 1', 'Reverse']);
    applyNotetypeOp(col, basicId(), { kind: 'template', ord: 1, qfmt: '{{Back}}?', afmt: '{{FrontSide}}<hr id=answer>{{Front}}' });
    const preview = previewTemplate(col, { notetypeId: basicId(), ord: 1, qfmt: 'Q: {{Back}}', afmt: 'A: {{Front}}', css: '.card{}' });
    expect(preview.question).toContain('Q: pomme');
    expect(preview.answer).toContain('A: apple');
    expect(preview.error).toBeNull();
    const broken = previewTemplate(col, { notetypeId: basicId(), ord: 0, qfmt: '{{#Front}}', afmt: '', css: '' });
    expect(broken.error ?? broken.question).toBeTruthy();
  });

  it('deletes a note type with its notes, never the last one', () => {
    const nid = addBasic(col, 'x', 'y');
    deleteNotetype(col, basicId());
    expect(noteById(col, nid)).toBeUndefined();
    expect(notetypeByName(col, 'Basic')).toBeUndefined();
    for (const name of ['Basic (and reversed card)', 'Basic (optional reversed card)', 'Basic (type in the answer)']) {
      deleteNotetype(col, notetypeByName(col, name)!.id);
    }
    expect(() => deleteNotetype(col, notetypeByName(col, 'Cloze')!.id)).toThrow(/last note type/);
  });
});
