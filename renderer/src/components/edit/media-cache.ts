import type { Bridge } from '../../../../shared/bridge';

/** Data URLs of media pictures, shared by every editor on the page. */
const urls = new Map<string, string>();

export function knownMediaUrls(): ReadonlyMap<string, string> {
  return urls;
}

export function rememberMediaUrl(filename: string, dataUrl: string): void {
  urls.set(filename, dataUrl);
}

/** Fetches what is not cached yet; names that are not pictures stay unresolved. */
export async function resolveMediaUrls(bridge: Bridge, filenames: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const missing = filenames.filter((name) => !urls.has(name));
  if (missing.length) {
    const found = await bridge.invoke('media.dataUrls', { filenames: missing });
    for (const [name, url] of Object.entries(found)) if (url) urls.set(name, url);
  }
  return urls;
}

/** Reads a pasted or dropped file as base64 (without the data: prefix) and as a data URL. */
export function readFileData(file: Blob): Promise<{ base64: string; dataUrl: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve({ dataUrl, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the pasted file'));
    reader.readAsDataURL(file);
  });
}

const EXTENSION_BY_TYPE: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
  'image/avif': 'avif',
};

/** Anki names pasted pictures `paste-<hash>.<ext>`; the hash keeps one file per distinct picture. */
export async function pastedFilename(file: File): Promise<string> {
  const ext = EXTENSION_BY_TYPE[file.type] ?? (/\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() || 'png');
  const digest = await crypto.subtle.digest('SHA-1', await file.arrayBuffer());
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `paste-${hex}.${ext}`;
}
