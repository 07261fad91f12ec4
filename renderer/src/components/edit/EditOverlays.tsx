import { useEffect } from 'react';
import { useBridge } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import { registerCommand } from '../../gui-commands';
import type { EditCommandKind, EditCommands } from '../../../../shared/bridge/edit';
import { expectSlot, slots, slotSoon } from '../../screens/edit/slots';
import { PermissionPrompt } from './PermissionPrompt';
import { applyTheme } from './theme';

type Handler<K extends EditCommandKind> = (payload: EditCommands[K][0]) => EditCommands[K][1] | Promise<EditCommands[K][1]>;

function onCommand<K extends EditCommandKind>(kind: K, handler: Handler<K>): () => void {
  return registerCommand(kind, (payload) => handler(payload as EditCommands[K][0]));
}

let nonce = 0;

/** Answers the editing GuiCommands (gui* actions): open screens, or reach the mounted one. */
function useEditCommands(): void {
  const { navigate } = useNavigation();
  useEffect(() => {
    const offs = [
      onCommand('edit.browse', ({ query, sort }) => {
        if (slots.browser) slots.browser.search(query, sort);
        else {
          expectSlot('browser');
          navigate('browse', { query, sort, nonce: ++nonce });
        }
        return true;
      }),
      onCommand('edit.selectCard', async ({ cardId }) => (await slotSoon('browser'))?.selectCard(cardId) ?? false),
      onCommand('edit.selectedNotes', async () => (await slotSoon('browser'))?.selectedNotes() ?? null),
      onCommand('edit.addCards', ({ preset, guiRequestId, closeAfterAdding }) => {
        if (slots.add) slots.add.reset(preset, guiRequestId, closeAfterAdding);
        else {
          expectSlot('add');
          navigate('add', { preset, guiRequestId, closeAfterAdding });
        }
        return true;
      }),
      onCommand('edit.addCurrent', async () => (await slotSoon('add'))?.current() ?? null),
      onCommand('edit.addSetData', async (data) => (await slotSoon('add'))?.setData(data) ?? { notOpen: true }),
      onCommand('edit.editNote', ({ noteId }) => {
        navigate('edit', { noteId, nonce: ++nonce });
        return true;
      }),
      onCommand('edit.import', ({ path }) => {
        navigate('import', { path, nonce: ++nonce });
        return true;
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [navigate]);
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Anki's main-window keys: A opens Add, B the browser. */
function useEditShortcuts(): void {
  const { navigate } = useNavigation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('.modal')) return;
      if (event.key === 'a' || event.key === 'A') {
        event.preventDefault();
        navigate('add');
      } else if (event.key === 'b' || event.key === 'B') {
        event.preventDefault();
        navigate('browse');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}

function useSavedTheme(): void {
  const bridge = useBridge();
  useEffect(() => {
    bridge.invoke('settings.get', {}).then((s) => applyTheme(s.theme), () => applyTheme('system'));
  }, [bridge]);
}

/** Everything the editing area adds around the screens: command handlers, shortcuts, theme, permission prompt. */
export function EditOverlays() {
  useEditCommands();
  useEditShortcuts();
  useSavedTheme();
  return <PermissionPrompt />;
}

/** Toolbar buttons of the editing area. */
export function EditToolbarButtons() {
  const { navigate } = useNavigation();
  return (
    <>
      <button type="button" onClick={() => navigate('add')} title="Add (A)">
        Add
      </button>
      <button type="button" onClick={() => navigate('browse')} title="Browse (B)">
        Browse
      </button>
      <button type="button" onClick={() => navigate('settings')} title="Settings">
        Settings
      </button>
    </>
  );
}
