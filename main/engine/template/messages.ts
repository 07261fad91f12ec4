/**
 * Anki's English messages for broken or empty cards (ftl/core/card-template-rendering.ftl,
 * errors.ftl), with Fluent's bidi isolation marks around each placeable.
 */
import type { TemplateProblem } from './parser';
import { encodeMinimal } from './rust-text';

const arg = (value: string | number): string => `\u2068${value}\u2069`;

const MORE_INFO = 'More information';
const ERROR_LINK = 'https://docs.ankiweb.net/templates/errors.html#template-syntax-error';
const BLANK_LINK = 'https://docs.ankiweb.net/templates/errors.html#front-of-card-is-blank';
const BLANK_CLOZE_LINK = 'https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type';

export const LATEX_DISABLED = 'LaTeX image generation is disabled in the preferences.';

/** The word spoken for `[...]` in TTS (card-templates-blank). */
export const TTS_BLANK = 'blank';

function describe(problem: TemplateProblem): string {
  switch (problem.kind) {
    case 'conditionalNotClosed':
      return `Missing '${arg(`{{/${problem.tag}}}`)}'`;
    case 'conditionalNotOpen':
      return problem.currentlyOpen !== null
        ? `Found '${arg(`{{/${problem.closed}}}`)}', but expected '${arg(`{{/${problem.currentlyOpen}}}`)}'`
        : `Found '${arg(`{{/${problem.closed}}}`)}', but missing '${arg(`{{#${problem.closed}}}`)}' or '${arg(`{{^${problem.closed}}}`)}'`;
    case 'fieldNotFound':
      return `Found '${arg(`{{${problem.filters}${problem.field}}}`)}', but there is no field called '${arg(problem.field)}'`;
    case 'noSuchConditional':
      return `Found '${arg(`{{${problem.condition}}}`)}', but there is no field called '${arg(problem.condition.slice(1))}'`;
  }
}

/** What both sides of a card show when one of its templates is broken. */
export function templateErrorHtml(problem: TemplateProblem, questionSide: boolean, browser: boolean): string {
  const side = questionSide ? 'Front' : 'Back';
  const header = browser ? `Browser-specific ${side.toLowerCase()} template has a problem:` : `${side} template has a problem:`;
  return `${header}<br>${encodeMinimal(describe(problem))}<br><a href='${ERROR_LINK}'>${MORE_INFO}</a>`;
}

export function emptyFrontHtml(): string {
  return `<div>The front of this card is blank.<br><a href='${BLANK_LINK}'>${MORE_INFO}</a></div>`;
}

export function missingClozeHtml(clozeNumber: number): string {
  return (
    `<div>No cloze ${arg(clozeNumber)} found on card.\nPlease either add a cloze deletion, or use the Empty Cards tool.` +
    `<br><a href='${BLANK_CLOZE_LINK}'>${MORE_INFO}</a></div>`
  );
}

/** Shown in place of a `[anki:tts]` tag that has no language. */
export function ttsMissingLangText(): string {
  return `[Error in directive '${arg('anki:tts')}': ${arg(`'${arg('lang')}' not set`)}]`;
}
