/**
 * Field HTML as stored (`<img src="name.png">`) versus as shown in an editor: media
 * files cannot be loaded by the page, so pictures are shown from data URLs and the
 * original name is kept in `data-engram-src` to be written back.
 */
const MEDIA_ATTR = 'data-engram-src';
export const BLANK_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

/** A src naming a file in the media folder (not a URL or a data/blob URI). */
export function isMediaReference(src: string): boolean {
  return src !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//');
}

/** Field HTML → editor HTML; returns the media names the caller should resolve. */
export function toEditorHtml(html: string, known: ReadonlyMap<string, string>): { html: string; missing: string[] } {
  const template = document.createElement('template');
  template.innerHTML = html;
  const missing = new Set<string>();
  for (const img of template.content.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!isMediaReference(src)) continue;
    img.setAttribute(MEDIA_ATTR, src);
    const url = known.get(src);
    if (url === undefined) missing.add(src);
    img.setAttribute('src', url ?? BLANK_IMAGE);
  }
  return { html: template.innerHTML, missing: [...missing] };
}

/** Editor DOM → field HTML (media names restored, the editor's lone `<br>` dropped). */
export function fromEditorHtml(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const img of copy.querySelectorAll(`img[${MEDIA_ATTR}]`)) {
    img.setAttribute('src', img.getAttribute(MEDIA_ATTR) ?? '');
    img.removeAttribute(MEDIA_ATTR);
  }
  const html = copy.innerHTML;
  return html === '<br>' ? '' : html;
}

/** Shows resolved pictures in an editor that is already on screen. */
export function applyMediaUrls(root: HTMLElement, urls: ReadonlyMap<string, string>): void {
  for (const img of root.querySelectorAll(`img[${MEDIA_ATTR}]`)) {
    const url = urls.get(img.getAttribute(MEDIA_ATTR) ?? '');
    if (url && img.getAttribute('src') !== url) img.setAttribute('src', url);
  }
}

/** An `<img>` for a stored file, shown from the data URL the editor already has. */
export function mediaImageHtml(filename: string, dataUrl: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<img src="${esc(dataUrl)}" ${MEDIA_ATTR}="${esc(filename)}">`;
}
