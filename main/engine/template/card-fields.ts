/**
 * The names a template can use while rendering one card: the note's fields by name, then
 * the special fields (Tags, Deck, …) and the `cN` pseudo-field where no real field has the
 * name. Built lazily: rendering thousands of cards (cardsInfo, the browser) only pays for
 * the names its templates actually use.
 */
import type { Notetype } from '../model/types';
import { fieldIsEmpty } from './emptiness';

/** The note and card facts templates can see. */
export interface CardFieldsInput {
  notetype: Notetype;
  fields: readonly string[];
  cardOrd: number;
  tags: readonly string[];
  /**
   * Full name (`A::B`) of the card's home deck (its original deck if in a filtered deck);
   * Anki shows "(Deck)" when the deck no longer exists.
   */
  deckName: string;
  cardFlag: number;
  /** For `{{CardID}}`; 0 for a card not yet added. */
  cardId?: number;
}

const SPECIAL_NAMES = ['Tags', 'Type', 'Subdeck', 'Deck', 'CardFlag', 'Card', 'CardID'] as const;

/** How a notetype's fields map to names, computed once per notetype object (a changed notetype is a new object). */
interface FieldLayout {
  /** Name → ord; with duplicate names (Anki refuses them) the last wins, as a map insert would. */
  ords: Map<string, number>;
  /** The ord behind each distinct name, in the order names first appear. */
  distinctOrds: number[];
}

const layouts = new WeakMap<Notetype, FieldLayout>();

function layoutOf(notetype: Notetype, fieldCount: number): FieldLayout {
  const cached = fieldCount >= notetype.flds.length ? layouts.get(notetype) : undefined;
  if (cached) return cached;
  const ords = new Map<string, number>();
  const firstSeen: string[] = [];
  const count = Math.min(notetype.flds.length, fieldCount);
  for (let i = 0; i < count; i++) {
    const name = notetype.flds[i]?.name ?? '';
    if (!ords.has(name)) firstSeen.push(name);
    ords.set(name, i);
  }
  const layout = { ords, distinctOrds: firstSeen.map((name) => ords.get(name)!) };
  if (fieldCount >= notetype.flds.length) layouts.set(notetype, layout);
  return layout;
}

function lastDeckComponent(deckName: string): string {
  const at = deckName.lastIndexOf('::');
  return at < 0 ? deckName : deckName.slice(at + 2);
}

export class CardFields {
  private readonly layout: FieldLayout;
  private readonly clozeName: string;
  private nonemptyMemo: Map<string, boolean> | undefined;

  constructor(
    private readonly input: CardFieldsInput,
    private readonly templateName: string,
  ) {
    this.layout = layoutOf(input.notetype, input.fields.length);
    this.clozeName = `c${input.cardOrd + 1}`;
  }

  get(name: string): string | undefined {
    const ord = this.layout.ords.get(name);
    return ord === undefined ? this.special(name) : (this.input.fields[ord] ?? '');
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Every value a template can see, as Anki's field map holds them (specials included). */
  values(): string[] {
    const values = this.layout.distinctOrds.map((ord) => this.input.fields[ord] ?? '');
    for (const name of [...SPECIAL_NAMES, this.clozeName]) {
      if (!this.layout.ords.has(name)) values.push(this.special(name) ?? '');
    }
    return values;
  }

  /** The names whose value is not empty, as a set-like view for conditionals. */
  readonly nonempty = {
    has: (name: string): boolean => {
      this.nonemptyMemo ??= new Map();
      let known = this.nonemptyMemo.get(name);
      if (known === undefined) {
        const value = this.get(name);
        known = value !== undefined && !fieldIsEmpty(value);
        this.nonemptyMemo.set(name, known);
      }
      return known;
    },
  };

  private special(name: string): string | undefined {
    const input = this.input;
    switch (name) {
      case 'Tags':
        return input.tags.join(' ');
      case 'Type':
        return input.notetype.name;
      case 'Subdeck':
        return lastDeckComponent(input.deckName);
      case 'Deck':
        return input.deckName;
      case 'CardFlag':
        return `flag${input.cardFlag}`;
      case 'Card':
        return this.templateName;
      case 'CardID':
        return String(input.cardId ?? 0);
      default:
        return name === this.clozeName ? '1' : undefined;
    }
  }
}
