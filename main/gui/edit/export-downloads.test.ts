import { describe, expect, it } from 'vitest';
import { ExportDownloads, isSameOriginDownload } from './export-downloads';

const tokenOf = (url: string) => url.slice('/download/'.length);

describe('export downloads', () => {
  it('hand out unguessable tokens that work once', () => {
    const downloads = new ExportDownloads();
    const first = downloads.issue('/data/out/words.apkg');
    const second = downloads.issue('/data/out/words.apkg');
    expect(first).not.toBe(second);
    expect(tokenOf(first)).toHaveLength(43);
    expect(downloads.take(tokenOf(first))).toEqual({ path: '/data/out/words.apkg', name: 'words.apkg' });
    expect(downloads.take(tokenOf(first))).toBeNull();
    expect(downloads.take('../../etc/passwd')).toBeNull();
    expect(downloads.take(tokenOf(second))).not.toBeNull();
  });

  it('expire, and forget expired tokens when new ones are issued', () => {
    let now = 0;
    const downloads = new ExportDownloads(() => now, 1000);
    const url = downloads.issue('/x.apkg');
    now = 1000;
    expect(downloads.take(tokenOf(url))).toBeNull();
    downloads.issue('/y.apkg');
    now = 5000;
    downloads.issue('/z.apkg');
    expect(downloads.size).toBe(1);
  });

  it('are served to pages of the same origin only', () => {
    expect(isSameOriginDownload({ host: '127.0.0.1:9000', 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(isSameOriginDownload({ host: '127.0.0.1:9000', 'sec-fetch-site': 'cross-site', referer: 'http://127.0.0.1:9000/' })).toBe(false);
    expect(isSameOriginDownload({ host: '127.0.0.1:9000', 'sec-fetch-site': 'none' })).toBe(false);
    expect(isSameOriginDownload({ host: '192.168.1.5:9000', referer: 'http://192.168.1.5:9000/' })).toBe(true);
    expect(isSameOriginDownload({ host: '192.168.1.5:9000', referer: 'http://evil.example/' })).toBe(false);
    expect(isSameOriginDownload({ host: '192.168.1.5:9000' })).toBe(false);
  });
});
