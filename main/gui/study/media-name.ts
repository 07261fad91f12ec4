/** A bare file name of the media folder: no folders, no parent links, no hidden files. */
export function isSafeMediaName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && !name.startsWith('.');
}
