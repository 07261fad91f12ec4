/** The browser's keyboard shortcuts (Anki's), as actions; the screen decides what each does. */
export type BrowserKeyAction =
  | { kind: 'focusSearch' }
  | { kind: 'dialog'; dialog: 'deck' | 'addTags' | 'removeTags' | 'reposition' | 'forget' | 'findReplace' }
  | { kind: 'suspend' }
  | { kind: 'flag'; flag: number }
  | { kind: 'toggleMode' }
  | { kind: 'delete' }
  | { kind: 'close' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function browserKeyAction(event: KeyLike): BrowserKeyAction | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  const { shiftKey: shift, altKey: alt } = event;
  if (event.key === 'Escape' && !mod) return { kind: 'close' };
  if (!mod) return null;
  if (event.key === 'Delete') return { kind: 'delete' };
  if (/^[1-7]$/.test(event.key) && !alt) return { kind: 'flag', flag: Number(event.key) };
  if (key === 'f') return alt ? { kind: 'dialog', dialog: 'findReplace' } : { kind: 'focusSearch' };
  if (key === 'd' && !shift && !alt) return { kind: 'dialog', dialog: 'deck' };
  if (key === 'a' && shift) return { kind: 'dialog', dialog: alt ? 'removeTags' : 'addTags' };
  if (key === 'j') return { kind: 'suspend' };
  if (key === 's' && shift) return { kind: 'dialog', dialog: 'reposition' };
  if (key === 'n' && alt) return { kind: 'dialog', dialog: 'forget' };
  if (key === 't' && alt) return { kind: 'toggleMode' };
  return null;
}
