import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../template';
import { NotetypeKind, type Notetype } from '../model/types';
import { emptyNotetype, newField, newTemplate } from './stock';
import { renameAndRemoveFields, templateToString, updateTemplatesForFieldChanges } from './field-refs';
import { fixFieldName, fixTemplateName, uniqueNames } from './checks';
import { pythonInsertIndex } from './fields';

function notetype(kind: NotetypeKind, fields: string[], qfmt: string, afmt: string): Notetype {
  return {
    ...emptyNotetype('T', kind),
    flds: fields.map((name, ord) => newField(name, ord)),
    tmpls: [newTemplate('Card 1', 0, qfmt, afmt)],
  };
}

describe('template field references (rslib template.rs / notetype tests)', () => {
  it('serialises parsed templates back to text', () => {
    const text = 'a {{Front}} {{text:furigana:Back}} {{#F}}x{{/F}}{{^G}}y{{/G}}<!--{{c}}-->';
    expect(templateToString(parseTemplate(text))).toBe(text);
  });

  it('renames replacements, filters and conditionals; removal unwraps conditionals', () => {
    const nodes = parseTemplate('{{Front}}\n{{#Front}}{{some:Front}}{{Back}}{{/Front}}');
    const renamed = renameAndRemoveFields(nodes, new Map([['Front', 'Test']]));
    expect(templateToString(renamed)).toBe('{{Test}}\n{{#Test}}{{some:Test}}{{Back}}{{/Test}}');
    expect(templateToString(renameAndRemoveFields(renamed, new Map([['Test', null]])))).toBe('\n{{Back}}');
  });

  it('adds the first field to a front left without fields (update_templates_after_removing_crucial_fields)', () => {
    const normal = notetype(NotetypeKind.Normal, ['baz'], 'front {{foo}}', 'back {{bar}}');
    updateTemplatesForFieldChanges(normal, new Map([['foo', null], ['bar', null]]));
    expect(normal.tmpls[0]).toMatchObject({ qfmt: 'front {{baz}}', afmt: 'back ' });

    const cloze = notetype(NotetypeKind.Cloze, ['baz'], 'front {{cloze:foo}}', 'back {{cloze:bar}}');
    updateTemplatesForFieldChanges(cloze, new Map([['foo', null], ['bar', null]]));
    expect(cloze.tmpls[0]).toMatchObject({ qfmt: 'front {{cloze:baz}}', afmt: 'back {{cloze:baz}}' });

    const partial = notetype(NotetypeKind.Cloze, ['foo', 'baz'], 'front {{cloze:foo}}', 'back {{cloze:bar}}');
    updateTemplatesForFieldChanges(partial, new Map([['bar', null]]));
    expect(partial.tmpls[0]).toMatchObject({ qfmt: 'front {{cloze:foo}}', afmt: 'back {{cloze:foo}}' });
  });

  it('leaves unparseable templates alone', () => {
    const nt = notetype(NotetypeKind.Normal, ['New'], '{{#Old}} unclosed', '{{Old}}');
    updateTemplatesForFieldChanges(nt, new Map([['Old', 'New']]));
    expect(nt.tmpls[0]).toMatchObject({ qfmt: '{{#Old}} unclosed', afmt: '{{New}}' });
  });
});

describe('names and positions', () => {
  it('fixes names like NoteField::fix_name and CardTemplate::fix_name', () => {
    expect(fixFieldName('  # /^ t:e{s"t} field name #/^  ')).toBe('test field name #/^');
    expect(() => fixFieldName('')).toThrow('Empty field name');
    expect(() => fixFieldName('#:')).toThrow('Field name: #');
    expect(fixTemplateName('Card "1"')).toBe('Card 1');
    expect(() => fixTemplateName('""')).toThrow('Template name contains only quotes');
  });

  it('appends + to case-insensitive duplicates', () => {
    expect(uniqueNames(['Front', 'front', 'FRONT', 'Back'])).toEqual(['Front', 'front+', 'FRONT++', 'Back']);
  });

  it('inserts like Python list.insert', () => {
    expect(pythonInsertIndex(2, 5)).toBe(2);
    expect(pythonInsertIndex(2, -1)).toBe(1);
    expect(pythonInsertIndex(2, -9)).toBe(0);
    expect(pythonInsertIndex(2, 1)).toBe(1);
  });
});
