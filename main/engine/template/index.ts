/**
 * Card generation and rendering with Anki's semantics (rslib/src/template.rs, cardgen.rs,
 * cloze.rs, template_filters.rs, notetype/render.rs, card_rendering/; pylib/anki/template.py).
 * Pure functions: no database access.
 */
export { cardOrdsToGenerate, cardOrdsForNewNote } from './cardgen';
export type { CardGenOptions } from './cardgen';
export { computeRequirements } from './requirements';
export { renderCard, renderCardSides } from './render-card';
export type { RenderCardInput, RenderedSides } from './render-card';
export { extractAvTags, stripAvTags } from './av-tags';
export type { AvTag } from './av-tags';
export { mediaReferences } from './media';
export { extractLatex, latexImageReferences } from './latex';
export type { ExtractedLatex } from './latex';
export {
  clozeNumbersInFields,
  clozeNumbersInString,
  extractClozeForTyping,
  revealClozeText,
  revealClozeTextOnly,
} from './cloze';
export { fieldIsEmpty } from './emptiness';
export { parseTemplate, tryParseTemplate, TemplateSyntaxError } from './parser';
export type { TemplateNode, TemplateProblem } from './parser';
