import { describe, expect, it } from 'vitest';
import type { Notetype } from '../model/types';
import { NotetypeKind } from '../model/types';
import { CLOZE_CSS, DEFAULT_CSS, emptyNotetype, newField, newTemplate, stockNotetypes } from '../notetypes/stock';
import type { RenderCardInput } from './render-card';
import { renderCard, renderCardSides } from './render-card';

const [basic, , , typing, cloze] = stockNotetypes() as [Notetype, Notetype, Notetype, Notetype, Notetype];
const style = (css: string) => `<style>${css}</style>`;

function custom(fields: string[], qfmt: string, afmt: string, kind = NotetypeKind.Normal): Notetype {
  const nt = emptyNotetype('Custom', kind);
  nt.flds = fields.map((name, ord) => newField(name, ord));
  nt.tmpls = [newTemplate('My Card', 0, qfmt, afmt)];
  return nt;
}

const input = (notetype: Notetype, fields: string[], extra: Partial<RenderCardInput> = {}): RenderCardInput => ({
  notetype,
  fields,
  cardOrd: 0,
  tags: [],
  deckName: 'Default',
  cardFlag: 0,
  ...extra,
});

const sides = (i: RenderCardInput) => {
  const { questionText, answerText } = renderCardSides(i);
  return [questionText, answerText];
};

describe('renderCard', () => {
  it('prepends the notetype CSS and puts the front into FrontSide', () => {
    expect(renderCard(input(basic, ['front', 'back']))).toEqual({
      question: `${style(DEFAULT_CSS)}front`,
      answer: `${style(DEFAULT_CSS)}front\n\n<hr id=answer>\n\nback`,
    });
  });

  it('replaces sound tags with play markers, keeping q markers inside FrontSide', () => {
    expect(sides(input(basic, ['a [sound:x.mp3]', 'b [sound:y.mp3]']))).toEqual([
      'a [anki:play:q:0]',
      'a [anki:play:q:0]\n\n<hr id=answer>\n\nb [anki:play:a:0]',
    ]);
  });

  it('leaves [[type:…]] markers for the reviewer', () => {
    expect(sides(input(typing, ['q', 'a']))).toEqual(['q\n\n[[type:Back]]', 'q\n\n<hr id=answer>\n\n[[type:Back]]']);
  });

  it('fills special fields unless a real field has the name', () => {
    const nt = custom(['F'], '{{Tags}}|{{Type}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{CardFlag}}|{{CardID}}', '{{c1}}');
    const i = input(nt, ['f'], { tags: ['a', 'b'], deckName: 'Lang::日本語', cardFlag: 3, cardId: 42 });
    expect(sides(i)).toEqual(['a b|Custom|Lang::日本語|日本語|My Card|flag3|42', '1']);
    const shadowing = custom(['Deck'], '{{Deck}}', '');
    expect(sides(input(shadowing, ['mine']))[0]).toBe('mine');
  });

  it('evaluates conditionals on fields, special fields and cN', () => {
    const nt = custom(['F', 'E'], '{{#E}}e{{/E}}{{^E}}no e{{/E}} {{#Tags}}tagged{{/Tags}}{{#c1}} c1{{/c1}}{{^c2}} not c2{{/c2}} {{F}}', '');
    expect(sides(input(nt, ['f', '']))[0]).toBe('no e  c1 not c2 f');
    expect(sides(input(nt, ['f', 'x'], { tags: ['t'] }))[0]).toBe('e tagged c1 not c2 f');
  });

  it('shows Anki’s blank-front message on both sides', () => {
    const blank = "<div>The front of this card is blank.<br><a href='https://docs.ankiweb.net/templates/errors.html#front-of-card-is-blank'>More information</a></div>";
    expect(sides(input(basic, ['', 'back']))).toEqual([blank, blank]);
    const nt = custom(['E'], 'test{{E}}', '{{E}}');
    expect(sides(input(nt, ['']))).toEqual([`test${blank}`, blank]);
    expect(renderCardSides(input(nt, [''])).isEmpty).toBe(true);
    expect(sides(input(nt, [''], { browser: true }))).toEqual(['test', '']);
  });

  it('renders template errors without CSS on both sides', () => {
    const nt = custom(['F'], '{{F}}{{text:foo:Missing}}', '{{F}}');
    const error =
      "Front template has a problem:<br>Found &#x27;\u2068{{text:foo:Missing}}\u2069&#x27;, but there is no field called " +
      "&#x27;\u2068Missing\u2069&#x27;<br><a href='https://docs.ankiweb.net/templates/errors.html#template-syntax-error'>More information</a>";
    expect(renderCard(input(nt, ['f']))).toEqual({ question: `${style('')}${error}`, answer: `${style('')}${error}` });
    const back = custom(['F'], '{{F}}', '{{#F}}');
    expect(sides(input(back, ['f']))[0]).toContain('Back template has a problem:<br>Missing &#x27;\u2068{{/F}}\u2069&#x27;');
    expect(sides(input(back, ['f'], { browser: true }))[0]).toContain('Browser-specific back template has a problem:');
    const hidden = custom(['F', 'E'], '{{F}}{{#E}}{{Nope}}{{/E}}', '');
    expect(sides(input(hidden, ['f', '']))[0]).toContain('no field called &#x27;\u2068Nope\u2069&#x27;');
  });

  it('renders cloze cards and reports missing cloze numbers', () => {
    expect(sides(input(cloze, ['a {{c1::b::hint}} {{c2::c}}', 'extra']))).toEqual([
      'a <span class="cloze" data-cloze="b" data-ordinal="1">[hint]</span> <span class="cloze-inactive" data-ordinal="2">c</span>',
      'a <span class="cloze" data-ordinal="1">b</span> <span class="cloze-inactive" data-ordinal="2">c</span><br>\nextra',
    ]);
    const missing =
      "<div>No cloze \u20683\u2069 found on card.\nPlease either add a cloze deletion, or use the Empty Cards tool.<br>" +
      "<a href='https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type'>More information</a></div>";
    expect(sides(input(cloze, ['{{c1::a}}', ''], { cardOrd: 2 }))).toEqual([missing, missing]);
    expect(renderCard(input(cloze, ['{{c1::a}}', ''])).question.startsWith(style(CLOZE_CSS))).toBe(true);
  });

  it('uses the browser templates when asked, falling back to the normal ones', () => {
    const nt = custom(['F'], '<b>{{F}}</b>', '{{FrontSide}}!');
    const template = nt.tmpls[0];
    if (template) template.bqfmt = '{{text:F}}';
    expect(sides(input(nt, ['<i>x</i>'], { browser: true }))).toEqual(['x', 'x!']);
  });

  it('turns LaTeX into image links and notes that images cannot be generated', () => {
    const [question] = sides(input(basic, ['[$]x[/$]', '']));
    expect(question).toBe(
      '<img class=latex alt="&#x24;x&#x24;" src="latex-26eeb5258ca5099acf8fe96b2a1049c48c89a5e6.png">' +
        'LaTeX image generation is disabled in the preferences.',
    );
    expect(sides(input(basic, ['[$]x[/$]', ''], { hasMedia: () => true }))[0]).not.toContain('disabled');
  });

  it('keeps template comments verbatim and ignores filters on FrontSide', () => {
    const nt = custom(['F'], '{{F}}<!-- {{Nope}} -->', '{{text:FrontSide}}');
    expect(sides(input(nt, ['<b>f</b>']))).toEqual(['<b>f</b><!-- {{Nope}} -->', '<b>f</b><!-- {{Nope}} -->']);
  });

  it('rejects a card ord without a template', () => {
    expect(() => renderCard(input(basic, ['a', 'b'], { cardOrd: 1 }))).toThrow(/no template/);
  });
});
