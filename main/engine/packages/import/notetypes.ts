/**
 * Notetypes of an .apkg (apkg/import/notes.rs, non-merging mode): a new id is added
 * as is; an existing id with the same schema is updated per `updateNotetypes`; a
 * changed schema is imported as a new notetype (or reuses an earlier such copy).
 */
import type { Notetype, NotetypeId } from '../../model/types';
import { allNotetypes, putNotetypeRaw } from '../../notetypes/store';
import { computeRequirements } from '../../template';
import { foldCase } from '../../text/fold';
import { sortFieldText } from '../../text/note-text';
import { splitFields } from '../../text/note-text';
import { shouldUpdate, type ImportContext, type UpdateCondition } from './context';

function matches(a: { id: bigint; name: string }, b: { id: bigint; name: string }): boolean {
  return a.id !== 0n && b.id !== 0n ? a.id === b.id : a.name === b.name;
}

export function equalSchema(a: Notetype, b: Notetype): boolean {
  return (
    a.flds.length === b.flds.length &&
    a.tmpls.length === b.tmpls.length &&
    a.flds.every((f, i) => matches(f, b.flds[i]!)) &&
    a.tmpls.every((t, i) => matches(t, b.tmpls[i]!))
  );
}

const BAD_FIELD_CHARS = /[:{}"]/g;

/** Unique names within a list, appending "+" as Anki's ensure_names_unique does. */
function uniquify<T extends { name: string }>(items: T[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    while (seen.has(foldCase(item.name))) item.name += '+';
    seen.add(foldCase(item.name));
  }
}

/** The parts of Anki's prepare_for_update that matter for imported notetypes. */
function prepareNotetype(nt: Notetype): void {
  nt.name = nt.name.replace(/"/g, '').normalize('NFC') || 'Imported';
  for (const f of nt.flds) {
    const cleaned = f.name.normalize('NFC').replace(BAD_FIELD_CHARS, '').replace(/^[#/^\s]+/, '').trim();
    f.name = cleaned || 'Field';
  }
  for (const t of nt.tmpls) t.name = t.name.normalize('NFC').replace(/"/g, '') || 'Card';
  uniquify(nt.flds);
  uniquify(nt.tmpls);
  nt.flds.forEach((f, i) => (f.ord = i));
  nt.tmpls.forEach((t, i) => (t.ord = i));
  if (nt.sortf < 0 || nt.sortf >= nt.flds.length) nt.sortf = 0;
  try {
    nt.req = computeRequirements(nt);
  } catch {
    // keep the package's cache when a template cannot be parsed
  }
}

export class NotetypeImporter {
  /** Incoming notetype id → id in this collection, when they differ. */
  readonly remapped = new Map<NotetypeId, NotetypeId>();
  private readonly existing: Map<NotetypeId, Notetype>;

  constructor(
    private readonly ctx: ImportContext,
    private readonly updateCondition: UpdateCondition,
  ) {
    this.existing = new Map(allNotetypes(ctx.col).map((nt) => [nt.id, structuredClone(nt)]));
  }

  importAll(notetypes: readonly Notetype[]): void {
    notetypes.forEach((nt, i) => {
      this.ctx.progress.report('notetypes', i, notetypes.length);
      this.importOne(structuredClone(nt));
    });
    this.ctx.progress.report('notetypes', notetypes.length, notetypes.length);
  }

  private importOne(incoming: Notetype): void {
    incoming.originalId = incoming.id;
    let existing = this.existing.get(incoming.id);
    if (!existing) {
      this.add(incoming, true);
      return;
    }
    if (!equalSchema(existing, incoming)) {
      const copy = this.previousCopy(incoming);
      if (!copy) {
        this.addRemapped(incoming);
        return;
      }
      this.remapped.set(incoming.id, copy.id);
      incoming.id = copy.id;
      existing = copy;
    }
    if (shouldUpdate(this.updateCondition, existing.mod, incoming.mod)) this.update(incoming, existing);
  }

  /** An earlier import of a changed version of this notetype, with the same schema. */
  private previousCopy(incoming: Notetype): Notetype | undefined {
    for (const nt of this.existing.values()) {
      if (nt.id !== incoming.id && nt.originalId === incoming.id && equalSchema(nt, incoming)) return nt;
    }
    return undefined;
  }

  private ensureUniqueName(nt: Notetype): void {
    const taken = (name: string): boolean =>
      allNotetypes(this.ctx.col).some((other) => other.id !== nt.id && foldCase(other.name) === foldCase(name));
    if (!taken(nt.name)) return;
    while (taken(nt.name)) nt.name += '+';
    nt.mod = this.ctx.nowSecs;
  }

  private add(nt: Notetype, keepId: boolean): void {
    prepareNotetype(nt);
    if (!keepId || this.existing.has(nt.id) || nt.id <= 0) nt.id = this.ctx.col.ids.notetypes.next();
    this.ensureUniqueName(nt);
    nt.usn = -1;
    putNotetypeRaw(this.ctx.col, nt);
    this.ctx.col.ids.notetypes.observe(nt.id);
    this.ctx.log.notetypes++;
  }

  private addRemapped(nt: Notetype): void {
    const originalId = nt.id;
    this.add(nt, false);
    this.remapped.set(originalId, nt.id);
    this.ctx.log.note(`Notetype "${nt.name}" differs from the one in this collection and was added as a new notetype.`);
  }

  private update(incoming: Notetype, existing: Notetype): void {
    prepareNotetype(incoming);
    this.ensureUniqueName(incoming);
    incoming.usn = -1;
    putNotetypeRaw(this.ctx.col, incoming);
    if (incoming.sortf !== existing.sortf) this.refreshSortFields(incoming);
    this.existing.set(incoming.id, structuredClone(incoming));
    this.ctx.log.notetypes++;
  }

  private refreshSortFields(nt: Notetype): void {
    const update = this.ctx.col.prepare('UPDATE notes SET sfld = ? WHERE id = ?');
    const rows = this.ctx.col.prepare('SELECT id, flds FROM notes WHERE mid = ?').all(nt.id) as { id: number; flds: string }[];
    for (const row of rows) update.run(sortFieldText(splitFields(row.flds)[nt.sortf] ?? ''), row.id);
  }
}
