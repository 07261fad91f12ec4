import { describe, expect, it } from 'vitest';
import { mediaReferences } from './media';

describe('mediaReferences', () => {
  it('lists media tag sources, then sound tags, entities decoded', () => {
    expect(
      mediaReferences(
        '[sound:b.mp3] <img src="a.jpg"> <IMG SRC=\'c d.png\' alt=x> <img alt="x" src=e.gif> ' +
          '<audio src="f&amp;g.mp3"></audio> <object data="h.swf"> [sound:voice &amp; me.ogg]',
      ),
    ).toEqual(['a.jpg', 'c d.png', 'e.gif', 'f&g.mp3', 'h.swf', 'b.mp3', 'voice & me.ogg']);
  });

  it('ignores non-media tags and empty sound tags', () => {
    expect(mediaReferences('<imgx src="no.png"> <a href="x.jpg"> [sound:]')).toEqual([]);
  });

  it('reads src="" as the unquoted name "" like Anki does', () => {
    expect(mediaReferences('<img src="">')).toEqual(['""']);
  });
});
