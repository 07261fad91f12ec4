import { describe, expect, it } from 'vitest';
import { isPlainMediaName, lookupName, normalizeMediaFilename, withHashSuffix } from './names';
import { globMatch } from './glob';
import { decodeBase64 } from './sources';

describe('media names (rslib media/files.rs test vectors)', () => {
  it('normalises like normalize_filename', () => {
    expect(normalizeMediaFilename('foo.jpg')).toBe('foo.jpg');
    expect(normalizeMediaFilename('con.jpg[]><:"/?*^\\|\0\r\n')).toBe('con_.jpg');
    expect(normalizeMediaFilename('test.')).toBe('test._');
    expect(normalizeMediaFilename('test ')).toBe('test _');
    expect(normalizeMediaFilename(`${'x'.repeat(240)}.jpg`)).toBe(`${'x'.repeat(115)}.jpg`);
    expect(normalizeMediaFilename('a\u00a0b.mp3')).toBe('a b.mp3');
    // Anki 26.9 lower-cases, one character at a time (no final sigma), before truncating.
    expect(normalizeMediaFilename('Hello.JPG')).toBe('hello.jpg');
    expect(normalizeMediaFilename('AUX')).toBe('aux_');
    expect(normalizeMediaFilename('ΟΔΟΣ.mp3')).toBe('οδοσ.mp3');
    expect(Buffer.byteLength(normalizeMediaFilename('\u0130'.repeat(60)))).toBe(118);
  });

  it('adds the sha1 suffix like add_hash_suffix_to_file_stem', () => {
    expect(withHashSuffix('test.jpg', 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d')).toBe(
      'test-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d.jpg',
    );
  });

  it('never yields a name that leaves the folder', () => {
    for (const evil of ['../x', '/abs/x', '..\\x', 'a/../../b', '\0', '.', '..']) {
      const name = normalizeMediaFilename(evil);
      expect(isPlainMediaName(name) || name === '').toBe(true);
    }
    expect(lookupName('../../etc/passwd')).toBe('passwd');
    expect(lookupName('C:\\dir\\file.mp3')).toBe('file.mp3');
  });
});

describe('glob patterns (Python fnmatch)', () => {
  const names = ['_hello.txt', 'a1.mp3', 'a2.mp3', 'b.jpg', '.hidden', 'x[1].png'];
  it('matches *, ?, sets and negated sets', () => {
    expect(globMatch(names, '_hell*.txt')).toEqual(['_hello.txt']);
    expect(globMatch(names, 'a?.mp3')).toEqual(['a1.mp3', 'a2.mp3']);
    expect(globMatch(names, 'a[!1].mp3')).toEqual(['a2.mp3']);
    expect(globMatch(names, '[ab]*')).toEqual(['a1.mp3', 'a2.mp3', 'b.jpg']);
    expect(globMatch(names, '*')).not.toContain('.hidden');
    expect(globMatch(names, '.*')).toEqual(['.hidden']);
    expect(globMatch(names, 'x[[]1].png')).toEqual(['x[1].png']);
    expect(globMatch(names, 'x[1].png')).toEqual([]);
  });
});

describe('base64 like Python b64decode', () => {
  it('decodes, skips stray characters and checks padding', () => {
    expect(decodeBase64('SGVsbG8sIHdvcmxkIQ==').toString()).toBe('Hello, world!');
    expect(decodeBase64('SGVs\nbG8s IHdvcmxkIQ==').toString()).toBe('Hello, world!');
    expect(() => decodeBase64('SGVsbG8')).toThrow('Incorrect padding');
    expect(() => decodeBase64('SGVsb')).toThrow('cannot be 1 more than a multiple of 4');
  });
});
