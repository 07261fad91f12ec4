import { describe, expect, it } from 'vitest';
import { extractLatex, latexImageReferences, renderLatex } from './latex';

describe('LaTeX', () => {
  it('links images named by the SHA-1 of the cleaned source', () => {
    const fname = 'latex-ef30b3f4141c33a5bf7044b0d1961d3399c05d50.png';
    expect(extractLatex('a[latex]one<br>and<div>two[/latex]b', false)).toEqual({
      text: `a<img class=latex alt="one&#x0A;and&#x0A;two" src="${fname}">b`,
      latex: [{ filename: fname, latex: 'one\nand\ntwo' }],
    });
    expect(extractLatex('[$]<b>hello</b>&nbsp; world[/$]', true).latex).toEqual([
      { filename: 'latex-060219fbf3ddb74306abddaf4504276ad793b029.svg', latex: '$hello  world$' },
    ]);
  });

  it('appends Anki’s notice when an image is missing', () => {
    const out = renderLatex('[$]x[/$]', false, () => false);
    expect(out.endsWith('>LaTeX image generation is disabled in the preferences.')).toBe(true);
    expect(renderLatex('[$]x[/$]', false, () => true).includes('disabled')).toBe(false);
    expect(renderLatex('no latex', false, () => false)).toBe('no latex');
  });

  it('finds images inside clozes for the media check', () => {
    expect(latexImageReferences('{{c1::[$]x[/$]}}', false).length).toBeGreaterThan(0);
    expect(latexImageReferences('plain', false)).toEqual([]);
  });
});
