/**
 * A card's question and answer as Anki's `Card.question()` / `Card.answer()` return them
 * (rslib/src/notetype/render.rs, rslib/src/template.rs `render_card`, pylib/anki/template.py).
 */
import { EngineError } from '../errors';
import type { Notetype, NotetypeTemplate } from '../model/types';
import { NotetypeKind } from '../model/types';
import type { AvTag } from './av-tags';
import { extractAvTags } from './av-tags';
import { clozeNumbersInFields } from './cloze';
import { CardFields, type CardFieldsInput } from './card-fields';
import { rendersWithFields } from './emptiness';
import { renderLatex } from './latex';
import { emptyFrontHtml, missingClozeHtml, templateErrorHtml } from './messages';
import { parseTemplateCached, TemplateSyntaxError } from './parser';
import type { RenderContext } from './renderer';
import { renderNodes } from './renderer';

export interface RenderCardInput extends CardFieldsInput {
  /** Use the browser appearance templates (bqfmt/bafmt) when set, as the browser does. */
  browser?: boolean;
  /**
   * Whether a media file exists. Like Anki with LaTeX generation off (the default), a LaTeX
   * image missing from the media folder appends "LaTeX image generation is disabled…".
   * Default: no file exists.
   */
  hasMedia?: (filename: string) => boolean;
}

export interface RenderedSides {
  /** Rendered HTML without the style block. */
  questionText: string;
  answerText: string;
  questionAvTags: AvTag[];
  answerAvTags: AvTag[];
  /** The notetype CSS, or "" when a template error is shown. */
  css: string;
  /** The front was blank (normal) or the cloze number is missing (cloze). */
  isEmpty: boolean;
}

function templateFor(notetype: Notetype, cardOrd: number): NotetypeTemplate {
  const template = notetype.type === NotetypeKind.Cloze ? notetype.tmpls[0] : notetype.tmpls[cardOrd];
  if (!template) throw new EngineError('invalid', `notetype "${notetype.name}" has no template for card ${cardOrd + 1}`);
  return template;
}

function sideFormats(template: NotetypeTemplate, browser: boolean): [string, string] {
  if (!browser) return [template.qfmt, template.afmt];
  return [template.bqfmt || template.qfmt, template.bafmt || template.afmt];
}

function errorSides(error: TemplateSyntaxError, question: boolean, browser: boolean): RenderedSides {
  const html = templateErrorHtml(error.problem, question, browser);
  return { questionText: html, answerText: html, questionAvTags: [], answerAvTags: [], css: '', isEmpty: false };
}

/** Renders one template side; template errors are returned tagged with the side. */
function renderSide(format: string, ctx: RenderContext): string | TemplateSyntaxError {
  try {
    return renderNodes(parseTemplateCached(format), ctx);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error;
    throw error;
  }
}

function emptyMessage(input: RenderCardInput, fields: CardFields, qfmt: string): string | undefined {
  if (input.notetype.type === NotetypeKind.Cloze) {
    return clozeNumbersInFields(fields.values()).has(input.cardOrd + 1) ? undefined : missingClozeHtml(input.cardOrd + 1);
  }
  if (input.browser) return undefined;
  return rendersWithFields(parseTemplateCached(qfmt), fields.nonempty) ? undefined : emptyFrontHtml();
}

/** Both sides' HTML bodies, AV tags extracted, LaTeX linked; no style block. */
export function renderCardSides(input: RenderCardInput): RenderedSides {
  const browser = input.browser ?? false;
  const template = templateFor(input.notetype, input.cardOrd);
  const [qfmt, afmt] = sideFormats(template, browser);
  const fields = new CardFields(input, template.name);
  const ctx: RenderContext = { fields, nonempty: fields.nonempty, cardOrd: input.cardOrd, question: true, frontSide: '' };

  const front = renderSide(qfmt, ctx);
  if (front instanceof TemplateSyntaxError) return errorSides(front, true, browser);
  const blank = emptyMessage(input, fields, qfmt);
  const question = extractAvTags(blank === undefined ? front : front + blank, true);
  let back: string;
  if (blank !== undefined) back = blank;
  else {
    const rendered = renderSide(afmt, { ...ctx, question: false, frontSide: question.text });
    if (rendered instanceof TemplateSyntaxError) return errorSides(rendered, false, browser);
    back = rendered;
  }
  const answer = extractAvTags(back, false);
  const latex = (text: string): string =>
    browser ? text : renderLatex(text, input.notetype.latexsvg, input.hasMedia ?? (() => false));
  return {
    questionText: latex(question.text),
    answerText: latex(answer.text),
    questionAvTags: question.tags,
    answerAvTags: answer.tags,
    css: input.notetype.css,
    isEmpty: blank !== undefined,
  };
}

/** `<style>css</style>` + body for each side, exactly what Anki's card.question()/answer() return. */
export function renderCard(input: RenderCardInput): { question: string; answer: string } {
  const sides = renderCardSides(input);
  return {
    question: `<style>${sides.css}</style>${sides.questionText}`,
    answer: `<style>${sides.css}</style>${sides.answerText}`,
  };
}
