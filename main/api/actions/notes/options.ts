import { ActionError } from '../../registry';
import { pyContains, pyItem } from './python';

/** The `options` of an AnkiConnect note object. */
export interface NoteOptions {
  allowDuplicate: boolean;
  /** Any value; only "deck" means something. */
  duplicateScope: unknown;
  /** null (or absent): the note's own deck. */
  deckName: unknown;
  checkChildren: boolean;
  checkAllModels: boolean;
}

/** Reads `options` as the add-on does, with its error texts for non-boolean flags. */
export function parseNoteOptions(note: unknown): NoteOptions {
  const out: NoteOptions = {
    allowDuplicate: false,
    duplicateScope: null,
    deckName: null,
    checkChildren: false,
    checkAllModels: false,
  };
  if (!pyContains(note, 'options')) return out;
  const options = pyItem(note, 'options');
  if (pyContains(options, 'allowDuplicate')) {
    out.allowDuplicate = requireBool(pyItem(options, 'allowDuplicate'), 'allowDuplicate');
  }
  if (pyContains(options, 'duplicateScope')) out.duplicateScope = pyItem(options, 'duplicateScope');
  if (pyContains(options, 'duplicateScopeOptions')) {
    const scope = pyItem(options, 'duplicateScopeOptions');
    if (pyContains(scope, 'deckName')) out.deckName = pyItem(scope, 'deckName');
    if (pyContains(scope, 'checkChildren')) {
      out.checkChildren = requireBool(pyItem(scope, 'checkChildren'), 'duplicateScopeOptions.checkChildren');
    }
    if (pyContains(scope, 'checkAllModels')) {
      out.checkAllModels = requireBool(pyItem(scope, 'checkAllModels'), 'duplicateScopeOptions.checkAllModels');
    }
  }
  return out;
}

function requireBool(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw new ActionError(`option parameter "${name}" must be boolean`);
  return value;
}
