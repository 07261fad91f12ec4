/**
 * Notes of an .apkg, matched by guid (apkg/import/notes.rs): new guids are added with
 * their ids (bumped by 999 while taken), known guids update the existing note when the
 * condition allows, and a guid bound to a different notetype is skipped as conflicting.
 */
import type { NoteId, NoteRow, Notetype, NotetypeId } from '../../model/types';
import { notetypeById } from '../../notetypes/store';
import { adoptExistingCasing, registerTags } from '../../tags/registry';
import { splitFields } from '../../text/note-text';
import { splitTags } from '../../text/tags';
import { prepareNoteText } from '../../notes/prepare';
import { safeNormalizedName, replaceMediaRefs } from '../media';
import { shouldUpdate, type ImportContext, type UpdateCondition } from './context';
import type { MediaPlan } from './media';

interface ExistingNote {
  id: NoteId;
  mod: number;
  mid: NotetypeId;
}

/** Pads or folds extra fields into the last one ("; "-joined), as Check Database does. */
function fitFieldCount(fields: string[], count: number): string[] {
  if (fields.length === count) return fields;
  if (fields.length < count) return [...fields, ...Array<string>(count - fields.length).fill('')];
  const kept = fields.slice(0, Math.max(0, count - 1));
  return [...kept, fields.slice(count - 1).join('; ')];
}

export class NoteImporter {
  /** Package note id → note id in this collection (new, updated or duplicate). */
  readonly idMap = new Map<NoteId, NoteId>();
  /** Package note id → its (remapped) notetype, for card template remapping. */
  private readonly existingGuids = new Map<string, ExistingNote>();
  private readonly takenIds = new Set<NoteId>();

  constructor(
    private readonly ctx: ImportContext,
    private readonly updateCondition: UpdateCondition,
    private readonly remappedNotetypes: ReadonlyMap<NotetypeId, NotetypeId>,
    private readonly media: MediaPlan,
  ) {
    const rows = ctx.col.prepare('SELECT id, guid, mod, mid FROM notes').all() as (ExistingNote & { guid: string })[];
    for (const row of rows) {
      this.existingGuids.set(row.guid, { id: row.id, mod: row.mod, mid: row.mid });
      this.takenIds.add(row.id);
    }
  }

  importAll(notes: readonly NoteRow[]): void {
    notes.forEach((incoming, i) => {
      this.ctx.progress.report('notes', i, notes.length, 500);
      const note = { ...incoming, mid: this.remappedNotetypes.get(incoming.mid) ?? incoming.mid };
      const existing = this.existingGuids.get(note.guid);
      if (!existing) this.add(note);
      else if (note.mid !== existing.mid) this.ctx.log.notesConflicting++;
      else if (shouldUpdate(this.updateCondition, existing.mod, note.mod)) this.update(note, existing.id);
      else {
        this.idMap.set(note.id, existing.id);
        this.ctx.log.notesDuplicate++;
      }
    });
    this.ctx.progress.report('notes', notes.length, notes.length);
    if (this.ctx.log.notesConflicting) {
      this.ctx.log.note(`${this.ctx.log.notesConflicting} notes were skipped: a note with the same id uses a different notetype here.`);
    }
  }

  private rewriteMedia(fields: string[]): string[] {
    return fields.map((field) =>
      replaceMediaRefs(field, (name) => {
        const normalized = safeNormalizedName(name);
        if (normalized === undefined) return undefined;
        const target = this.media.use(normalized);
        if (target !== undefined) return target !== name ? target : undefined;
        return normalized !== name ? normalized : undefined;
      }),
    );
  }

  /** Fields, sort field, checksum and canonical tags, or undefined when the notetype is unknown. */
  private prepare(note: NoteRow): { notetype: Notetype; text: ReturnType<typeof prepareNoteText>; tags: string } | undefined {
    const notetype = notetypeById(this.ctx.col, note.mid);
    if (!notetype) {
      this.ctx.log.notesMissingNotetype++;
      return undefined;
    }
    let fields = splitFields(note.flds);
    if (fields.length !== notetype.flds.length) {
      fields = fitFieldCount(fields, notetype.flds.length);
      this.ctx.log.note(`Note ${note.guid} had the wrong number of fields; they were adjusted.`);
    }
    const text = prepareNoteText(notetype, this.rewriteMedia(fields), splitTags(note.tags));
    const tags = adoptExistingCasing(this.ctx.col, text.tags);
    registerTags(this.ctx.col, tags);
    return { notetype, text, tags: tags.length ? ` ${tags.join(' ')} ` : '' };
  }

  private add(note: NoteRow): void {
    const prepared = this.prepare(note);
    if (!prepared) return;
    let id = note.id;
    while (this.takenIds.has(id)) id += 999;
    this.ctx.col
      .prepare('INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?)')
      .run(id, note.guid, note.mid, note.mod, prepared.tags, prepared.text.flds, prepared.text.sfld, prepared.text.csum, note.flags, note.data);
    this.takenIds.add(id);
    this.ctx.col.ids.notes.observe(id);
    this.idMap.set(note.id, id);
    this.ctx.log.notesAdded++;
  }

  private update(note: NoteRow, targetId: NoteId): void {
    const prepared = this.prepare(note);
    if (!prepared) return;
    this.ctx.col
      .prepare('UPDATE notes SET mod = ?, usn = -1, tags = ?, flds = ?, sfld = ?, csum = ? WHERE id = ?')
      .run(note.mod, prepared.tags, prepared.text.flds, prepared.text.sfld, prepared.text.csum, targetId);
    this.idMap.set(note.id, targetId);
    this.ctx.log.notesUpdated++;
  }
}
