import { action, ActionError, type ActionContext, type ActionDefinition } from '../registry';
import { p } from '../params';
import { errorText } from '../protocol';
import type { SourceLimits } from '../../engine/media';
import { deleteNotes } from '../../engine/notes/delete';
import { updateNote } from '../../engine/notes/update';
import { noteTags } from '../../engine/notes/query';
import { setNoteNotetype } from '../../engine/notes/change-notetype';
import { removeUnusedNotetypes } from '../../engine/notes/unused-notetypes';
import { findNotes } from '../../engine/search';
import { allTags, clearUnusedTags } from '../../engine/tags/registry';
import { addTagsToNotes, removeTagsFromNotes, replaceTagInNotes, setNoteTags } from '../../engine/tags/bulk';
import { pyTruthy } from './decks/python';
import { NameLookup } from './notes/lookup';
import { addCandidate, assertAddable, readCandidate, type Candidate } from './notes/create';
import { PendingNotes } from './notes/batch-add';
import { notesInfo, notesModTime } from './notes/info';
import { pyStrListRepr, pyContains, pyItem, pyItems, pyStr } from './notes/python';
import { readFieldUpdate, requireNoteForApi } from './notes/update';
import { parseTags } from './notes/draft';

function mediaLimits(ctx: ActionContext): Partial<SourceLimits> {
  const settings = ctx.host.settings();
  return { maxSourceBytes: settings.maxMediaSourceBytes, timeoutMs: settings.webTimeout };
}

/** The add-on builds each note inside its try block, so even a missing collection is a per-note "cannot add". */
function lazyLookup(ctx: ActionContext): () => NameLookup {
  let lookup: NameLookup | undefined;
  return () => (lookup ??= new NameLookup(ctx.host.collection()));
}

async function canAdd(ctx: ActionContext, lookup: () => NameLookup, note: unknown): Promise<{ canAdd: boolean; error?: string }> {
  try {
    assertAddable(lookup(), await readCandidate(lookup(), note, mediaLimits(ctx)));
    return { canAdd: true };
  } catch (error) {
    return { canAdd: false, error: errorText(error) };
  }
}

type Slot = { candidate: Candidate } | { error: string };

/**
 * addNotes, all or nothing (the add-on since 2024-06): every note is tried in
 * order and every failure collected; if any failed nothing is kept and the
 * error is str() of the list of texts. Media already stored stays, as upstream.
 */
async function addNotesAllOrNothing(ctx: ActionContext, notes: readonly unknown[]): Promise<number[]> {
  const col = ctx.host.collection();
  const lookup = new NameLookup(col);
  const slots: Slot[] = [];
  for (const note of notes) {
    try {
      slots.push({ candidate: await readCandidate(lookup, note, mediaLimits(ctx)) });
    } catch (error) {
      slots.push({ error: errorText(error) });
    }
  }
  return col.transact(() => {
    const pending = new PendingNotes(lookup);
    const errors: string[] = [];
    for (const slot of slots) {
      if ('error' in slot) {
        errors.push(slot.error);
        continue;
      }
      try {
        pending.add(slot.candidate);
      } catch (error) {
        errors.push(errorText(error));
      }
    }
    if (!errors.length) pending.flush();
    if (errors.length) throw new ActionError(pyStrListRepr(errors));
    return pending.ids;
  });
}

/** updateNoteTags' argument: a string is one tag (space-separated tags inside it split later). */
function tagsArgument(tags: unknown): string[] {
  const list = typeof tags === 'string' ? [tags] : tags;
  if (!Array.isArray(list) || !list.every((t): t is string => typeof t === 'string')) {
    throw new ActionError('Must provide tags as a list of strings');
  }
  return list.flatMap((t) => parseTags(t));
}

const noteList = () => p.array(p.id());

export const noteActions: ActionDefinition[] = [
  action('addNote', { note: p.any() }, async (ctx, { note }) => {
    const col = ctx.host.collection();
    const lookup = new NameLookup(col);
    const candidate = await readCandidate(lookup, note, mediaLimits(ctx));
    return col.transact(() => addCandidate(lookup, candidate));
  }),

  action('addNotes', { notes: p.array(p.any()) }, (ctx, { notes }) => addNotesAllOrNothing(ctx, notes)),

  // Not in the spec. Any failure is false. Media is stored, as the add-on does.
  action('canAddNote', { note: p.any() }, async (ctx, { note }) => {
    return (await canAdd(ctx, lazyLookup(ctx), note)).canAdd;
  }),

  action('canAddNotes', { notes: p.array(p.any()) }, async (ctx, { notes }) => {
    const lookup = lazyLookup(ctx);
    const out: boolean[] = [];
    for (const note of notes) out.push((await canAdd(ctx, lookup, note)).canAdd);
    return out;
  }),

  // Not in the spec.
  action('canAddNoteWithErrorDetail', { note: p.any() }, (ctx, { note }) =>
    canAdd(ctx, lazyLookup(ctx), note),
  ),

  action('canAddNotesWithErrorDetail', { notes: p.array(p.any()) }, async (ctx, { notes }) => {
    const lookup = lazyLookup(ctx);
    const out: { canAdd: boolean; error?: string }[] = [];
    for (const note of notes) out.push(await canAdd(ctx, lookup, note));
    return out;
  }),

  action('updateNoteFields', { note: p.any() }, async (ctx, { note }) => {
    const col = ctx.host.collection();
    const update = await readFieldUpdate(col, note, mediaLimits(ctx));
    if (update.changed) col.transact(() => updateNote(col, update.noteId, { fields: update.fields }));
    return null;
  }),

  action('updateNote', { note: p.any() }, async (ctx, { note }) => {
    const col = ctx.host.collection();
    const hasFields = pyContains(note, 'fields');
    const hasTags = pyContains(note, 'tags');
    if (!hasFields && !hasTags) throw new ActionError('Must provide a "fields" or "tags" property.');
    const update = hasFields ? await readFieldUpdate(col, note, mediaLimits(ctx)) : null;
    // Tags are checked before anything is written, so a bad tags value leaves the note as it was.
    const tags = hasTags ? tagsArgument(pyItem(note, 'tags')) : null;
    const noteId = requireNoteForApi(col, pyItem(note, 'id')).note.id;
    col.transact(() => {
      if (update?.changed) updateNote(col, noteId, { fields: update.fields });
      if (tags) setNoteTags(col, noteId, tags);
    });
    return null;
  }),

  action('updateNoteModel', { note: p.any() }, (ctx, { note }) => {
    const col = ctx.host.collection();
    const get = (key: string) => (pyContains(note, key) ? pyItem(note, key) : undefined);
    const noteId = get('id');
    if (!pyTruthy(noteId)) throw new ActionError('Note ID is required');
    const modelName = get('modelName');
    if (!pyTruthy(modelName)) throw new ActionError('Model name is required');
    const fields = get('fields');
    if (!pyTruthy(fields) || typeof fields !== 'object' || Array.isArray(fields)) {
      throw new ActionError('Fields must be provided as a dictionary');
    }
    const tags = get('tags') ?? [];
    const { note: existing } = requireNoteForApi(col, noteId);
    const notetype = typeof modelName === 'string' ? new NameLookup(col).notetype(modelName) : undefined;
    if (!notetype) throw new ActionError(`Model '${pyStr(modelName)}' not found`);
    const values = notetype.flds.map(() => '');
    const lowerNames = notetype.flds.map((f) => f.name.toLowerCase());
    for (const [name, value] of pyItems(fields)) {
      const ord = lowerNames.indexOf(name.toLowerCase());
      if (ord < 0) continue;
      if (typeof value !== 'string') throw new ActionError(`field "${notetype.flds[ord]!.name}" must be a string`);
      values[ord] = value;
    }
    setNoteNotetype(col, existing.id, notetype.id, values, tagsArgument(tags));
    return null;
  }),

  action('updateNoteTags', { note: p.any(), tags: p.any() }, (ctx, { note, tags }) => {
    const col = ctx.host.collection();
    const list = tagsArgument(tags);
    const { note: existing } = requireNoteForApi(col, note);
    if (list.length || noteTags(existing).length) setNoteTags(col, existing.id, list);
    return null;
  }),

  action('getNoteTags', { note: p.any() }, (ctx, { note }) =>
    noteTags(requireNoteForApi(ctx.host.collection(), note).note),
  ),

  action('addTags', { notes: noteList(), tags: p.string(), add: p.optional(p.any(), true) }, (ctx, params) => {
    const col = ctx.host.collection();
    if (pyTruthy(params.add)) addTagsToNotes(col, params.notes, params.tags);
    else removeTagsFromNotes(col, params.notes, params.tags);
    return null;
  }),

  action('removeTags', { notes: noteList(), tags: p.string() }, (ctx, { notes, tags }) => {
    removeTagsFromNotes(ctx.host.collection(), notes, tags);
    return null;
  }),

  action('getTags', {}, (ctx) => allTags(ctx.host.collection())),

  action('clearUnusedTags', {}, (ctx) => {
    clearUnusedTags(ctx.host.collection());
    return null;
  }),

  action(
    'replaceTags',
    { notes: noteList(), tag_to_replace: p.string(), replace_with_tag: p.string() },
    (ctx, params) => {
      replaceTagInNotes(ctx.host.collection(), params.notes, params.tag_to_replace, params.replace_with_tag);
      return null;
    },
  ),

  action('replaceTagsInAllNotes', { tag_to_replace: p.string(), replace_with_tag: p.string() }, (ctx, params) => {
    replaceTagInNotes(ctx.host.collection(), null, params.tag_to_replace, params.replace_with_tag);
    return null;
  }),

  action('findNotes', { query: p.optional(p.nullable(p.string()), null) }, (ctx, { query }) =>
    query === null ? [] : findNotes(ctx.host.collection(), query),
  ),

  action(
    'notesInfo',
    { notes: p.optional(p.nullable(noteList()), null), query: p.optional(p.nullable(p.string()), null) },
    (ctx, { notes, query }) => {
      if (notes === null && query === null) throw new ActionError('Must provide either "notes" or a "query"');
      const col = ctx.host.collection();
      const ids = query !== null ? findNotes(col, query) : notes!;
      return notesInfo(col, ids, ctx.host.profiles.active());
    },
  ),

  action('notesModTime', { notes: noteList() }, (ctx, { notes }) => notesModTime(ctx.host.collection(), notes)),

  action('deleteNotes', { notes: noteList() }, (ctx, { notes }) => {
    deleteNotes(ctx.host.collection(), notes);
    return null;
  }),

  // Despite its name, the add-on's removeEmptyNotes deletes note types no note uses.
  action('removeEmptyNotes', {}, (ctx) => {
    removeUnusedNotetypes(ctx.host.collection());
    return null;
  }),
];
