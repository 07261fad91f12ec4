/** LaTeX tags (rslib/src/latex.rs, pylib/anki/latex.py): replaced by links to generated images. */
import { createHash } from 'node:crypto';
import { stripHtml } from '../text/html';
import { expandClozesToRevealLatex } from './cloze';
import { LATEX_DISABLED } from './messages';
import { encodeAttribute } from './rust-text';

const LATEX = /\[latex\](.+?)\[\/latex\]|\[\$\](.+?)\[\/\$\]|\[\$\$\](.+?)\[\/\$\$\]/gisu;
const LATEX_NEWLINES = /<br( \/)?>|<div>/giu;

export interface ExtractedLatex {
  /** The media file name Anki generates for it: latex-<sha1>.png or .svg. */
  filename: string;
  latex: string;
}

function latexSource(standard: string | undefined, inline: string | undefined, display: string | undefined): string {
  if (standard !== undefined) return standard;
  if (inline !== undefined) return `$${inline}$`;
  return `\\begin{displaymath}${display ?? ''}\\end{displaymath}`;
}

/** Replaces each LaTeX tag with its `<img class=latex>` link and lists the images. */
export function extractLatex(text: string, svg: boolean): { text: string; latex: ExtractedLatex[] } {
  if (!text.includes('[')) return { text, latex: [] };
  const latex: ExtractedLatex[] = [];
  const replaced = text.replace(LATEX, (_m, standard?: string, inline?: string, display?: string) => {
    const body = stripHtml(latexSource(standard, inline, display).replace(LATEX_NEWLINES, '\n'));
    const filename = `latex-${createHash('sha1').update(body, 'utf8').digest('hex')}.${svg ? 'svg' : 'png'}`;
    latex.push({ filename, latex: body });
    return `<img class=latex alt="${encodeAttribute(body)}" src="${filename}">`;
  });
  return { text: replaced, latex };
}

/**
 * What Anki's card_did_render hook does to a rendered side: LaTeX becomes image links and,
 * because Engram cannot generate images, a missing image adds Anki's "disabled" notice.
 */
export function renderLatex(text: string, svg: boolean, hasMedia: (filename: string) => boolean): string {
  const { text: html, latex } = extractLatex(text, svg);
  return latex.every((l) => hasMedia(l.filename)) ? html : html + LATEX_DISABLED;
}

/** LaTeX image names a field refers to, clozes expanded (Anki's media check). */
export function latexImageReferences(fieldText: string, svg: boolean): string[] {
  const source = fieldText.includes('{{c') ? expandClozesToRevealLatex(fieldText) : fieldText;
  return extractLatex(source, svg).latex.map((l) => l.filename);
}
