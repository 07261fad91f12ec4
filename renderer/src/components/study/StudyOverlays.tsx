import { useEffect } from 'react';
import { useNavigation } from '../../navigation';
import { registerCommand } from '../../gui-commands';
import { STUDY_COMMANDS, type StudyNavigatePayload, type StudySyncPayload } from '../../../../shared/bridge/study';
import { noteSeq, requestReplay, reviewerStore } from './reviewer-store';

/** Answers the study GuiCommands from main's controller (gui* actions). */
function useStudyCommands(): void {
  const { navigate } = useNavigation();
  useEffect(() => {
    const offs = [
      registerCommand(STUDY_COMMANDS.navigate, (payload) => {
        const { screen, params, seq } = payload as StudyNavigatePayload;
        noteSeq(seq);
        navigate(screen, params);
        return true;
      }),
      registerCommand(STUDY_COMMANDS.sync, (payload) => {
        const { view, seq } = payload as StudySyncPayload;
        noteSeq(seq);
        reviewerStore.set(view);
        return true;
      }),
      registerCommand(STUDY_COMMANDS.replayAudio, (payload) => {
        noteSeq((payload as { seq: number }).seq);
        requestReplay();
        return true;
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [navigate]);
}

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** True when a key event should be left alone (typing, a dialog open, a modifier held). */
export function ignoreKey(event: KeyboardEvent): boolean {
  return (
    event.defaultPrevented ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    isTyping(event.target) ||
    document.querySelector('[role="dialog"]') !== null
  );
}

/** Anki's main-window keys: D decks, T statistics. */
function useStudyShortcuts(): void {
  const { navigate } = useNavigation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (ignoreKey(event)) return;
      const key = event.key.toLowerCase();
      if (key === 'd') navigate('decks');
      else if (key === 't') navigate('stats');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}

/** Everything the study area adds around the screens: command handlers and shortcuts. */
export function StudyOverlays() {
  useStudyCommands();
  useStudyShortcuts();
  return null;
}

/** Toolbar buttons of the study area. */
export function StudyToolbarButtons() {
  const { navigate } = useNavigation();
  return (
    <button type="button" onClick={() => navigate('stats')} title="Statistics (T)">
      Stats
    </button>
  );
}
