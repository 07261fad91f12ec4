/** The parsed form of a search (Anki's search language, rslib/src/search/parser.rs). */

export type FieldSearchMode = 'normal' | 'regex' | 'nocombining';

export type StateKind =
  | 'new'
  | 'review'
  | 'learn'
  | 'due'
  | 'buried'
  | 'buried-manually'
  | 'buried-sibling'
  | 'suspended';

/** Which revlog rows a rating search looks at: a button (1–4), any answer (ease > 0), or manual reschedules. */
export type RatingKind = { kind: 'button'; button: number } | { kind: 'any' } | { kind: 'manual' };

export type PropOperator = '<=' | '>=' | '!=' | '=' | '<' | '>';

/** A `prop:` comparison. Floats are already rounded to f32, as Anki parses them. */
export type PropertyKind =
  | { kind: 'due'; days: number }
  | { kind: 'ivl'; value: number }
  | { kind: 'reps'; value: number }
  | { kind: 'lapses'; value: number }
  | { kind: 'ease'; value: number }
  | { kind: 'pos'; value: number }
  | { kind: 'rated'; days: number; rating: RatingKind }
  | { kind: 's'; value: number }
  | { kind: 'd'; value: number }
  | { kind: 'r'; value: number }
  | { kind: 'cdn'; key: string; value: number }
  | { kind: 'cds'; key: string; value: string };

export type SearchNode =
  | { kind: 'all' }
  | { kind: 'text'; text: string }
  | { kind: 'field'; field: string; text: string; mode: FieldSearchMode }
  | { kind: 'added'; days: number }
  | { kind: 'edited'; days: number }
  | { kind: 'introduced'; days: number }
  | { kind: 'template'; ord: number }
  | { kind: 'template-name'; name: string }
  | { kind: 'deck'; name: string }
  /** `did:` — an id list already checked to be digits and commas. */
  | { kind: 'deck-ids'; ids: string }
  /** `mid:` — decimal text of an i64. */
  | { kind: 'notetype-id'; id: string }
  | { kind: 'notetype'; name: string }
  | { kind: 'rated'; days: number; rating: RatingKind }
  | { kind: 'tag'; tag: string; mode: FieldSearchMode }
  | { kind: 'dupe'; notetypeId: string; text: string }
  | { kind: 'state'; state: StateKind }
  | { kind: 'flag'; flag: number }
  | { kind: 'note-ids'; ids: string }
  | { kind: 'card-ids'; ids: string }
  | { kind: 'prop'; op: PropOperator; prop: PropertyKind }
  | { kind: 'regex'; regex: string }
  | { kind: 'nc'; text: string }
  | { kind: 'sc'; text: string }
  | { kind: 'word'; text: string }
  | { kind: 'has-cd'; key: string }
  | { kind: 'preset'; name: string };

export type Node =
  | { type: 'and' }
  | { type: 'or' }
  | { type: 'not'; node: Node }
  | { type: 'group'; nodes: Node[] }
  | { type: 'search'; search: SearchNode };
