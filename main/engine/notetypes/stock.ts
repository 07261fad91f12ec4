import type { Notetype, NotetypeField, NotetypeTemplate } from '../model/types';
import { NotetypeKind } from '../model/types';
import { randomI64 } from '../ids';

/** Anki's stock notetypes (rslib/src/notetype/stock.rs), English names, as of Anki 25.06+. */

export const DEFAULT_CSS =
  '.card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n    text-align: center;\n    color: black;\n    background-color: white;\n}\n';

export const CLOZE_CSS =
  DEFAULT_CSS + '.cloze {\n    font-weight: bold;\n    color: blue;\n}\n.nightMode .cloze {\n    color: lightblue;\n}\n';

export const DEFAULT_LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';

export const DEFAULT_LATEX_POST = '\\end{document}';

const ANSWER_SEPARATOR = '\n\n<hr id=answer>\n\n';

export function newField(name: string, ord: number, extra: Partial<NotetypeField> = {}): NotetypeField {
  return {
    name,
    ord,
    sticky: false,
    rtl: false,
    font: 'Arial',
    size: 20,
    description: '',
    plainText: false,
    collapsed: false,
    excludeFromSearch: false,
    id: randomI64(),
    tag: null,
    preventDeletion: false,
    ...extra,
  };
}

export function newTemplate(name: string, ord: number, qfmt: string, afmt: string): NotetypeTemplate {
  return { name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0, id: randomI64() };
}

/** A notetype skeleton; id 0 means "assign on insert". */
export function emptyNotetype(name: string, kind: NotetypeKind = NotetypeKind.Normal): Notetype {
  return {
    id: 0,
    name,
    type: kind,
    mod: 0,
    usn: 0,
    sortf: 0,
    did: null,
    tmpls: [],
    flds: [],
    css: kind === NotetypeKind.Cloze ? CLOZE_CSS : DEFAULT_CSS,
    latexPre: DEFAULT_LATEX_PRE,
    latexPost: DEFAULT_LATEX_POST,
    latexsvg: false,
    req: [],
    originalStockKind: 0,
  };
}

function basicFields(): NotetypeField[] {
  return [newField('Front', 0), newField('Back', 1)];
}

const frontCard = (): NotetypeTemplate =>
  newTemplate('Card 1', 0, '{{Front}}', `{{FrontSide}}${ANSWER_SEPARATOR}{{Back}}`);

export function stockNotetypes(): Notetype[] {
  const basic = { ...emptyNotetype('Basic'), originalStockKind: 1, flds: basicFields(), tmpls: [frontCard()] };
  const reversed = {
    ...emptyNotetype('Basic (and reversed card)'),
    originalStockKind: 2,
    flds: basicFields(),
    tmpls: [frontCard(), newTemplate('Card 2', 1, '{{Back}}', `{{FrontSide}}${ANSWER_SEPARATOR}{{Front}}`)],
  };
  const optional = {
    ...emptyNotetype('Basic (optional reversed card)'),
    originalStockKind: 3,
    flds: [...basicFields(), newField('Add Reverse', 2)],
    tmpls: [
      frontCard(),
      newTemplate(
        'Card 2',
        1,
        '{{#Add Reverse}}{{Back}}{{/Add Reverse}}',
        `{{FrontSide}}${ANSWER_SEPARATOR}{{Front}}`,
      ),
    ],
  };
  const typing = {
    ...emptyNotetype('Basic (type in the answer)'),
    originalStockKind: 4,
    flds: basicFields(),
    tmpls: [newTemplate('Card 1', 0, '{{Front}}\n\n{{type:Back}}', `{{Front}}${ANSWER_SEPARATOR}{{type:Back}}`)],
  };
  const cloze = {
    ...emptyNotetype('Cloze', NotetypeKind.Cloze),
    originalStockKind: 5,
    flds: [newField('Text', 0, { tag: 0, preventDeletion: true }), newField('Back Extra', 1, { tag: 1 })],
    tmpls: [newTemplate('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}')],
  };
  return [basic, reversed, optional, typing, cloze];
}
