/**
 * Bridge methods of the editing screens: card browser, add/edit notes, note types,
 * settings, import, export and the permission prompt. Types plus tiny pure helpers only.
 */

export type BrowserMode = 'cards' | 'notes';

/**
 * Anki's browser column keys (rslib browser_table `Column`); guiBrowse's
 * `reorderCards.columnId` names one of these.
 */
export const BROWSER_COLUMNS = [
  'noteFld',
  'question',
  'answer',
  'template',
  'cardDue',
  'cardIvl',
  'cardEase',
  'cardReps',
  'cardLapses',
  'noteCrt',
  'noteMod',
  'cardMod',
  'deck',
  'note',
  'noteTags',
] as const;
export type BrowserColumn = (typeof BROWSER_COLUMNS)[number];

export function isBrowserColumn(value: unknown): value is BrowserColumn {
  return typeof value === 'string' && (BROWSER_COLUMNS as readonly string[]).includes(value);
}

/** Columns shown until the user picks others (Anki stores them in `activeCols` / `activeNoteCols`). */
export const DEFAULT_BROWSER_COLUMNS: Record<BrowserMode, BrowserColumn[]> = {
  cards: ['noteFld', 'template', 'cardDue', 'cardIvl', 'cardEase', 'cardReps', 'cardLapses', 'noteCrt', 'noteMod', 'deck', 'note', 'noteTags'],
  notes: ['noteFld', 'note', 'template', 'cardDue', 'cardIvl', 'cardEase', 'cardReps', 'cardLapses', 'noteCrt', 'noteMod', 'deck', 'noteTags'],
};

const NOTE_SORT_COLUMNS: readonly BrowserColumn[] = ['noteFld', 'noteCrt', 'noteMod', 'note', 'noteTags'];

/**
 * Question and answer are rendered per row and cannot be sorted on, as in Anki; in
 * notes mode only the note's own columns sort.
 */
export function isSortableColumn(column: BrowserColumn, mode: BrowserMode = 'cards'): boolean {
  if (mode === 'notes') return NOTE_SORT_COLUMNS.includes(column);
  return column !== 'question' && column !== 'answer';
}

export interface BrowserSort {
  column: BrowserColumn;
  descending: boolean;
}

export interface BrowserRow {
  /** Card id in cards mode, note id in notes mode. */
  id: number;
  noteId: number;
  cells: Partial<Record<BrowserColumn, string>>;
  /** Card flag 1–7, 0 for none (always 0 in notes mode). */
  flag: number;
  suspended: boolean;
  buried: boolean;
  marked: boolean;
  /** The card or note was deleted after the search ran. */
  deleted?: boolean;
}

export interface BrowserSearch {
  query: string;
  mode: BrowserMode;
  sort: BrowserSort;
}

export interface BrowserSearchResult {
  /** Names the ordered id list main keeps for this search; rows and ids are paged from it. */
  searchId: number;
  total: number;
  /** The first rows, so the first page needs one round trip. */
  rows: BrowserRow[];
  /** The search with its sort as main applied it (an unsortable column falls back). */
  sort: BrowserSort;
}

export interface BrowserConfig {
  columns: Record<BrowserMode, BrowserColumn[]>;
  mode: BrowserMode;
  sort: Record<BrowserMode, BrowserSort>;
}

/** The selection of a browser: ids in the mode they were picked in. */
export interface BrowserSelection {
  mode: BrowserMode;
  ids: number[];
}

export interface FindReplace {
  /** null: every note in the collection. */
  selection: BrowserSelection | null;
  search: string;
  replacement: string;
  regex: boolean;
  matchCase: boolean;
  /** A field name; null searches every field, '__tags__' the tags. */
  field: string | null;
}

export interface RepositionOptions {
  start: number;
  step: number;
  randomize: boolean;
  shift: boolean;
}

export interface DeckOption {
  id: number;
  name: string;
  filtered: boolean;
}

export interface NotetypeFieldInfo {
  name: string;
  ord: number;
  sticky: boolean;
  rtl: boolean;
  font: string;
  size: number;
  plainText: boolean;
  description: string;
  collapsed: boolean;
}

export interface NotetypeTemplateInfo {
  name: string;
  ord: number;
  qfmt: string;
  afmt: string;
}

export interface NotetypeInfo {
  id: number;
  name: string;
  cloze: boolean;
  sortf: number;
  css: string;
  fields: NotetypeFieldInfo[];
  templates: NotetypeTemplateInfo[];
  noteCount: number;
}

export interface NoteInfo {
  id: number;
  notetypeId: number;
  fields: string[];
  tags: string[];
  cardIds: number[];
  /** The deck of its first card. */
  deckId: number;
  mod: number;
}

/** What the Add screen starts with (guiAddCards presets it). */
export interface AddPreset {
  notetypeId?: number;
  deckId?: number;
  /** Values by field name. */
  fields?: Record<string, string>;
  tags?: string[];
}

export interface AddDefaults {
  notetypeId: number;
  deckId: number;
}

export interface DuplicateCheck {
  /** The first field is empty: the note cannot be added. */
  empty: boolean;
  duplicateNoteIds: number[];
}

export interface AddNoteRequest {
  notetypeId: number;
  deckId: number;
  fields: string[];
  tags: string[];
  /** Set when the Add screen was opened by guiAddCards: main answers that request with the new id. */
  guiRequestId?: number;
}

export type StockKind = 'basic' | 'basic-reversed' | 'basic-optional-reversed' | 'basic-typing' | 'cloze';

export const STOCK_KINDS: { kind: StockKind; label: string }[] = [
  { kind: 'basic', label: 'Add: Basic' },
  { kind: 'basic-reversed', label: 'Add: Basic (and reversed card)' },
  { kind: 'basic-optional-reversed', label: 'Add: Basic (optional reversed card)' },
  { kind: 'basic-typing', label: 'Add: Basic (type in the answer)' },
  { kind: 'cloze', label: 'Add: Cloze' },
];

export type NotetypeOp =
  | { kind: 'rename'; name: string }
  | { kind: 'css'; css: string }
  | { kind: 'sortField'; ord: number }
  | { kind: 'fieldSticky'; ord: number; sticky: boolean }
  | { kind: 'addField'; name: string }
  | { kind: 'renameField'; ord: number; name: string }
  | { kind: 'repositionField'; ord: number; to: number }
  | { kind: 'removeField'; ord: number }
  | { kind: 'addTemplate'; name: string }
  | { kind: 'renameTemplate'; ord: number; name: string }
  | { kind: 'repositionTemplate'; ord: number; to: number }
  | { kind: 'removeTemplate'; ord: number }
  | { kind: 'template'; ord: number; qfmt: string; afmt: string };

export interface TemplatePreview {
  question: string;
  answer: string;
  css: string;
  error: string | null;
}

export type Theme = 'light' | 'dark' | 'system';

export interface ApiSettingsView {
  webBindAddress: string;
  webBindPort: number;
  webCorsOriginList: string[];
  apiKey: string | null;
  ignoreOriginList: string[];
}

export interface SettingsView {
  api: ApiSettingsView;
  /** Where the API actually listens (changing address or port needs a restart). */
  running: { address: string; port: number };
  theme: Theme;
  profiles: string[];
  activeProfile: string | null;
}

export interface ImportOptions {
  /** Update notes that already exist when the imported copy is newer. */
  updateNotes: boolean;
  /** Keep scheduling from the package (else cards import as new). */
  includeScheduling: boolean;
}

export interface ImportStatus {
  /** 'cancelled': stopped by the user; the collection is unchanged. */
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** 0–1, or null when the importer cannot tell. */
  progress: number | null;
  label: string;
  summary: string | null;
  error: string | null;
}

/** What to export: the whole collection (.colpkg), every deck, or one deck with its children (.apkg). */
export type ExportTarget = { kind: 'collection' } | { kind: 'allDecks' } | { kind: 'deck'; deckId: number };

export interface ExportOptions {
  target: ExportTarget;
  /** Scheduling, review history and deck presets (a .colpkg always has them). */
  includeScheduling: boolean;
  includeMedia: boolean;
  /** Anki's "Support older Anki versions": the legacy package layout. */
  legacy: boolean;
}

export interface ExportRequest {
  /** Where main writes the file (on the machine running Engram). */
  path: string;
  options: ExportOptions;
  /** Replace an existing file (else start answers `{ exists }`). */
  overwrite: boolean;
}

export interface ExportResult {
  path: string;
  notes: number;
  cards: number;
  media: number;
  bytes: number;
  /** Web GUI only: a one-time link on this origin that downloads the file. */
  downloadUrl: string | null;
}

export interface ExportStatus {
  /** 'cancelled': stopped by the user; no file was written. */
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** 0–1 over the whole export, or null when unknown. */
  progress: number | null;
  label: string;
  result: ExportResult | null;
  error: string | null;
}

export type PermissionAnswer = 'allow' | 'deny' | 'ignore';

type None = Record<string, never>;

export interface EditMethods {
  'edit.decks': [None, DeckOption[]];
  'edit.notetypes': [None, NotetypeInfo[]];
  'edit.tags': [None, string[]];
  'edit.addDefaults': [None, AddDefaults];

  'note.get': [{ noteId: number }, NoteInfo];
  'note.checkDuplicate': [{ notetypeId: number; fields: string[]; noteId?: number }, DuplicateCheck];
  'note.add': [AddNoteRequest, { noteId: number; cardCount: number }];
  'note.update': [{ noteId: number; fields: string[]; tags: string[] }, null];
  'note.summary': [{ noteIds: number[] }, { id: number; text: string; notetype: string }[]];
  /** The Add screen opened by guiAddCards went away without adding: main answers the request. */
  'add.closed': [{ guiRequestId: number }, null];

  'media.store': [{ filename: string; data: string }, { filename: string }];
  /** Data URLs of media files (null when missing), for showing pictures in the editor. */
  'media.dataUrls': [{ filenames: string[] }, Record<string, string | null>];

  'browser.config': [None, BrowserConfig];
  'browser.saveConfig': [Partial<BrowserConfig>, BrowserConfig];
  'browser.search': [BrowserSearch & { pageSize: number }, BrowserSearchResult];
  'browser.rows': [{ searchId: number; offset: number; limit: number }, BrowserRow[]];
  'browser.ids': [{ searchId: number; offset: number; limit: number }, number[]];
  /** Where an id sits in a search's result (-1 when absent). */
  'browser.indexOf': [{ searchId: number; id: number }, number];
  'browser.noteIds': [BrowserSelection, number[]];
  'browser.cardIds': [BrowserSelection, number[]];
  'browser.changeDeck': [{ selection: BrowserSelection; deckId: number }, number];
  'browser.tags': [{ selection: BrowserSelection; tags: string; remove: boolean }, number];
  'browser.suspend': [{ selection: BrowserSelection; suspend: boolean }, number];
  'browser.flag': [{ selection: BrowserSelection; flag: number }, number];
  'browser.reposition': [{ selection: BrowserSelection; options: RepositionOptions }, number];
  'browser.forget': [{ selection: BrowserSelection; restorePosition: boolean; resetCounts: boolean }, number];
  'browser.delete': [{ selection: BrowserSelection }, number];
  'browser.findReplace': [FindReplace, number];

  'notetype.add': [{ name: string; stock?: StockKind; cloneFrom?: number }, NotetypeInfo];
  'notetype.op': [{ notetypeId: number; op: NotetypeOp }, NotetypeInfo];
  'notetype.delete': [{ notetypeId: number }, null];
  'notetype.preview': [
    { notetypeId: number; ord: number; qfmt: string; afmt: string; css: string; noteId?: number },
    TemplatePreview,
  ];

  'settings.get': [None, SettingsView];
  'settings.saveApi': [Partial<ApiSettingsView>, SettingsView];
  'settings.theme': [{ theme: Theme }, SettingsView];
  'profiles.create': [{ name: string }, SettingsView];
  'profiles.rename': [{ from: string; to: string }, SettingsView];
  'profiles.switch': [{ name: string }, SettingsView];

  'import.start': [{ path: string; options: ImportOptions }, { jobId: number }];
  'import.status': [{ jobId: number }, ImportStatus];
  'import.cancel': [{ jobId: number }, ImportStatus];

  /** A file name for the target and a full path in the user's home folder. */
  'export.suggest': [{ target: ExportTarget }, { fileName: string; path: string }];
  /** Starts an export; `{ exists }` (the resolved path) when the file is there and `overwrite` is false. */
  'export.start': [ExportRequest, { jobId: number } | { exists: string }];
  'export.status': [{ jobId: number }, ExportStatus];
  'export.cancel': [{ jobId: number }, ExportStatus];
}

/** GuiCommands the gui* actions send to the renderer (kind → payload), and what the renderer answers. */
export interface EditCommands {
  /** guiBrowse: open the browser on this search. Answers true. */
  'edit.browse': [{ query: string | null; sort: BrowserSort | null }, boolean];
  /** guiSelectCard: false when the browser is not open. */
  'edit.selectCard': [{ cardId: number }, boolean];
  /** guiSelectedNotes: null when the browser is not open. */
  'edit.selectedNotes': [Record<string, never>, number[] | null];
  /** guiAddCards: open the Add screen with this preset. Answers true. */
  'edit.addCards': [{ preset: AddPreset; guiRequestId: number; closeAfterAdding: boolean }, boolean];
  /** The open Add screen's note type and deck; null when it is not open. */
  'edit.addCurrent': [Record<string, never>, { notetypeId: number; deckId: number } | null];
  /** guiAddNoteSetData: fill the open Add screen. */
  'edit.addSetData': [AddSetData, AddSetDataReply];
  /** guiEditNote: open the editor on a note. Answers true. */
  'edit.editNote': [{ noteId: number }, boolean];
  /** guiImportFile: open the import screen (with a path, or asking for one). Answers true. */
  'edit.import': [{ path: string | null }, boolean];
}

export interface AddSetData {
  deckId?: number;
  notetypeId?: number;
  /** Values by field name (case-sensitive). */
  fields: Record<string, string>;
  tags?: string[];
  append: boolean;
  /** Media markup (`<img …>`, `[sound:…]`) appended to fields by name after the values are applied. */
  appendMarkup?: Record<string, string>;
}

export type AddSetDataReply = { ok: true } | { notOpen: true } | { missingField: string };

export type EditCommandKind = keyof EditCommands;
