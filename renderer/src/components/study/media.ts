/**
 * Where card media comes from. Headless: the web GUI server's `/media/<name>` route over the
 * active profile's media folder. Electron: the `engram-media:` protocol registered by main.
 */
export function mediaBaseUrl(): string {
  if (location.protocol === 'file:') return 'engram-media://media/';
  return new URL('/media/', location.href).href;
}

export function mediaUrl(filename: string): string {
  return mediaBaseUrl() + encodeURIComponent(filename);
}
