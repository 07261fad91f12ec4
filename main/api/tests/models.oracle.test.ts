/**
 * Differential test: the same notetype edits (as the AnkiConnect add-on performs them)
 * run against Engram's engine and against the official anki package; templates, field
 * order, sort field, note values, card ordinals and error texts must agree.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureOracle } from '../../testing/oracle';
import { Collection } from '../../engine/collection';
import { EngineError } from '../../engine/errors';
import { addNote } from '../../engine/notes';
import { notetypeById } from '../../engine/notetypes/store';
import { createNotetype } from '../../engine/notetypes/create';
import { addField, removeField, renameField, repositionField } from '../../engine/notetypes/fields';
import { addTemplate, removeTemplate, renameTemplate, repositionTemplate, updateTemplateFormats } from '../../engine/notetypes/templates';
import { splitFields } from '../../engine/text';

type Op =
  | { op: 'renameField'; name: string; newName: string }
  | { op: 'removeField'; name: string }
  | { op: 'repositionField'; name: string; index: number }
  | { op: 'addField'; name: string; index: number | null }
  | { op: 'addTemplate'; name: string; qfmt: string; afmt: string }
  | { op: 'removeTemplate'; name: string }
  | { op: 'repositionTemplate'; name: string; index: number }
  | { op: 'renameTemplate'; name: string; newName: string }
  | { op: 'setFront'; name: string; qfmt: string };

interface Scenario {
  name: string;
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
  cloze?: boolean;
  notes: string[][];
  ops: Op[];
}

interface Snapshot {
  error?: string;
  fields?: string[];
  sortf?: number;
  templates?: [string, string, string, string, string][];
  notes?: { fields: string[]; ords: number[] }[];
}

const SCRIPT = String.raw`
import json, sys, tempfile, os
from anki.collection import Collection

def snapshot(col, mid, nids):
    m = col.models.get(mid)
    notes = []
    for nid in nids:
        n = col.get_note(nid)
        ords = sorted(col.db.list("select ord from cards where nid = ?", nid))
        notes.append({"fields": list(n.fields), "ords": ords})
    return {"fields": [f["name"] for f in m["flds"]], "sortf": m["sortf"],
            "templates": [[t["name"], t["qfmt"], t["afmt"], t["bqfmt"], t["bafmt"]] for t in m["tmpls"]], "notes": notes}

def apply(col, mid, op):
    mm = col.models
    m = mm.get(mid)
    fmap = mm.field_map(m)
    def field(name):
        if name not in fmap:
            raise Exception("field was not found in {}: {}".format(m["name"], name))
        return fmap[name][1]
    def template(name):
        for t in m["tmpls"]:
            if t["name"] == name:
                return t
        raise Exception("template was not found in {}: {}".format(m["name"], name))
    kind = op["op"]
    if kind == "renameField":
        mm.rename_field(m, field(op["name"]), op["newName"])
    elif kind == "removeField":
        mm.remove_field(m, field(op["name"]))
    elif kind == "repositionField":
        mm.reposition_field(m, field(op["name"]), op["index"])
    elif kind == "addField":
        if op["name"] not in fmap:
            mm.add_field(m, mm.new_field(op["name"]))
        if op["index"] is not None:
            mm.reposition_field(m, mm.field_map(m)[op["name"]][1], op["index"])
    elif kind == "addTemplate":
        for t in m["tmpls"]:
            if t["name"] == op["name"]:
                return
        t = mm.new_template(op["name"])
        t["qfmt"] = op["qfmt"]
        t["afmt"] = op["afmt"]
        mm.add_template(m, t)
    elif kind == "removeTemplate":
        mm.remove_template(m, template(op["name"]))
    elif kind == "repositionTemplate":
        mm.reposition_template(m, template(op["name"]), op["index"])
    elif kind == "renameTemplate":
        template(op["name"])["name"] = op["newName"]
    elif kind == "setFront":
        template(op["name"])["qfmt"] = op["qfmt"]
    mm.update_dict(m)

def run(scenario):
    path = os.path.join(tempfile.mkdtemp(), "collection.anki2")
    col = Collection(path)
    mm = col.models
    m = mm.new(scenario["name"])
    if scenario.get("cloze"):
        m["type"] = 1
    for name in scenario["fields"]:
        mm.add_field(m, mm.new_field(name))
    for t in scenario["templates"]:
        tmpl = mm.new_template(t["name"])
        tmpl["qfmt"] = t["qfmt"]
        tmpl["afmt"] = t["afmt"]
        mm.add_template(m, tmpl)
    try:
        mm.add(m)
    except Exception as e:
        col.close()
        return [{"error": str(e)}]
    mid = m["id"]
    nids = []
    for values in scenario["notes"]:
        note = col.new_note(mm.get(mid))
        for i, v in enumerate(values):
            note.fields[i] = v
        col.add_note(note, 1)
        nids.append(note.id)
    out = [snapshot(col, mid, nids)]
    for op in scenario["ops"]:
        try:
            apply(col, mid, op)
            out.append(snapshot(col, mid, nids))
        except Exception as e:
            out.append({"error": str(e)})
    col.close()
    return out

scenarios = json.load(sys.stdin)
print(json.dumps([run(s) for s in scenarios]))
`;

function engramSnapshot(col: Collection, mid: number, nids: number[]): Snapshot {
  const nt = notetypeById(col, mid)!;
  return {
    fields: nt.flds.map((f) => f.name),
    sortf: nt.sortf,
    templates: nt.tmpls.map((t) => [t.name, t.qfmt, t.afmt, t.bqfmt, t.bafmt]),
    notes: nids.map((nid) => ({
      fields: splitFields(col.db.prepare('SELECT flds FROM notes WHERE id = ?').pluck().get(nid) as string),
      ords: (col.db.prepare('SELECT ord FROM cards WHERE nid = ? ORDER BY ord').pluck().all(nid) as number[]),
    })),
  };
}

function applyEngram(col: Collection, mid: number, op: Op): void {
  switch (op.op) {
    case 'renameField':
      renameField(col, mid, op.name, op.newName);
      break;
    case 'removeField':
      removeField(col, mid, op.name);
      break;
    case 'repositionField':
      repositionField(col, mid, op.name, op.index);
      break;
    case 'addField':
      addField(col, mid, op.name, op.index);
      break;
    case 'addTemplate':
      addTemplate(col, mid, op);
      break;
    case 'removeTemplate':
      removeTemplate(col, mid, op.name);
      break;
    case 'repositionTemplate':
      repositionTemplate(col, mid, op.name, op.index);
      break;
    case 'renameTemplate':
      renameTemplate(col, mid, op.name, op.newName);
      break;
    case 'setFront':
      updateTemplateFormats(col, mid, new Map([[op.name, { qfmt: op.qfmt }]]));
      break;
  }
}

const dirs: string[] = [];
function runEngram(scenario: Scenario): Snapshot[] {
  const dir = mkdtempSync(join(tmpdir(), 'engram-oracle-models-'));
  dirs.push(dir);
  const col = Collection.open(join(dir, 'collection.sqlite'));
  try {
    let mid: number;
    try {
      mid = createNotetype(col, { name: scenario.name, fields: scenario.fields, templates: scenario.templates, cloze: scenario.cloze }).id;
    } catch (error) {
      return [{ error: (error as Error).message }];
    }
    const nids = scenario.notes.map((fields) => addNote(col, { notetypeId: mid, deckId: 1, fields }).noteId);
    const out = [engramSnapshot(col, mid, nids)];
    for (const op of scenario.ops) {
      try {
        applyEngram(col, mid, op);
        out.push(engramSnapshot(col, mid, nids));
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        out.push({ error: error.message });
      }
    }
    return out;
  } finally {
    col.close();
  }
}

const basicTemplates = [
  { name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
  { name: 'Card 2', qfmt: '{{Back}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
];

const SCENARIOS: Scenario[] = [
  {
    name: 'Renames',
    fields: ['Front', 'Back', 'Extra'],
    templates: [
      { name: 'Card 1', qfmt: '{{ Front }}\n{{#Front}}{{text:Front}} {{Back}}{{/Front}}{{^Extra}}-{{/Extra}}', afmt: '{{FrontSide}}<hr>{{Back}}' },
      basicTemplates[1]!,
    ],
    notes: [['f1', 'b1', 'e1'], ['f2', 'b2', '']],
    ops: [
      { op: 'renameField', name: 'Front', newName: 'Question' },
      { op: 'renameField', name: 'Extra', newName: 'back' },
      { op: 'renameField', name: 'Back', newName: '  #A:n{s}w"er ' },
      { op: 'renameField', name: 'Nope', newName: 'x' },
      { op: 'renameField', name: 'Question', newName: ':' },
    ],
  },
  {
    name: 'Field moves',
    fields: ['A', 'B', 'C'],
    templates: [{ name: 'Card 1', qfmt: '{{A}}{{B}}', afmt: '{{C}}' }],
    notes: [['a', 'b', 'c']],
    ops: [
      { op: 'repositionField', name: 'A', index: 2 },
      { op: 'repositionField', name: 'C', index: 9 },
      { op: 'repositionField', name: 'B', index: -1 },
      { op: 'addField', name: 'D', index: 0 },
      { op: 'addField', name: 'E', index: null },
      { op: 'addField', name: 'A', index: 1 },
      { op: 'addField', name: 'a', index: null },
      { op: 'removeField', name: 'A' },
      { op: 'removeField', name: 'B' },
      { op: 'removeField', name: 'D' },
    ],
  },
  {
    name: 'Templates',
    fields: ['Front', 'Back'],
    templates: basicTemplates,
    notes: [['f', 'b'], ['only front', '']],
    ops: [
      { op: 'addTemplate', name: 'Card 3', qfmt: '{{Front}}{{Back}}', afmt: 'x' },
      { op: 'repositionTemplate', name: 'Card 3', index: 0 },
      { op: 'repositionTemplate', name: 'Card 1', index: 5 },
      { op: 'renameTemplate', name: 'Card 2', newName: 'card 3' },
      { op: 'renameTemplate', name: 'card 3', newName: 'Re"named' },
      { op: 'addTemplate', name: 'Card 3', qfmt: '{{Back}}!', afmt: 'ignored' },
      { op: 'removeTemplate', name: 'Card 3' },
      { op: 'setFront', name: 'Card 1', qfmt: 'no field' },
      { op: 'setFront', name: 'Card 1', qfmt: '{{Back}}' },
      { op: 'setFront', name: 'Card 1', qfmt: '{{Front}} {{Missing}}' },
    ],
  },
  {
    name: 'Removing the front field',
    fields: ['Front', 'Back'],
    templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{Back}}' }],
    notes: [['f', 'b']],
    ops: [{ op: 'removeField', name: 'Front' }, { op: 'removeField', name: 'Back' }],
  },
  {
    name: 'Cloze edits',
    fields: ['Text', 'Extra'],
    templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>{{Extra}}' }],
    cloze: true,
    notes: [['{{c1::a}} {{c2::b}}', 'x']],
    ops: [
      { op: 'renameField', name: 'Text', newName: 'Body' },
      { op: 'addField', name: 'More', index: 0 },
      { op: 'removeField', name: 'Body' },
    ],
  },
  { name: 'No front field', fields: ['A'], templates: [{ name: 'Card 1', qfmt: 'plain', afmt: '{{A}}' }], notes: [], ops: [] },
  { name: 'Unknown field', fields: ['A'], templates: [{ name: 'Card 1', qfmt: '{{A}}', afmt: '{{B}}' }], notes: [], ops: [] },
  {
    name: 'Same fronts',
    fields: ['A'],
    templates: [
      { name: 'Card 1', qfmt: '{{A}}', afmt: '1' },
      { name: 'Card 2', qfmt: '{{A}}', afmt: '2' },
    ],
    notes: [],
    ops: [],
  },
  { name: 'Cloze without cloze', fields: ['Text'], templates: [{ name: 'C', qfmt: '{{Text}}', afmt: '{{Text}}' }], cloze: true, notes: [], ops: [] },
  {
    name: 'Name fixes',
    fields: ['  #Que:st{ion}', 'Answer', 'answer', 'ANSWER'],
    templates: [
      { name: 'Card "1"', qfmt: '{{Question}}', afmt: '{{Answer}}' },
      { name: 'card 1', qfmt: '{{answer+}}', afmt: '' },
    ],
    notes: [],
    ops: [],
  },
];

const runOracle = process.env.ENGRAM_SKIP_ORACLE ? describe.skip : describe;

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

runOracle('notetype edits match anki (oracle)', () => {
  const expected: Snapshot[][] = (() => {
    if (process.env.ENGRAM_SKIP_ORACLE) return [];
    const python = ensureOracle();
    const dir = mkdtempSync(join(tmpdir(), 'engram-oracle-script-'));
    dirs.push(dir);
    const script = join(dir, 'models.py');
    writeFileSync(script, SCRIPT);
    const result = spawnSync(python, [script], { input: JSON.stringify(SCENARIOS), encoding: 'utf8', timeout: 600_000 });
    if (result.status !== 0) throw new Error(`oracle failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as Snapshot[][];
  })();

  SCENARIOS.forEach((scenario, i) => {
    it(scenario.name, () => {
      expect(runEngram(scenario)).toEqual(expected[i]);
    });
  });
});
