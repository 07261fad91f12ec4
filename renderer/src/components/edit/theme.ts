import type { Theme } from '../../../../shared/bridge/edit';

const systemDark = (): MediaQueryList | undefined => window.matchMedia?.('(prefers-color-scheme: dark)');
let followSystem: (() => void) | null = null;

/**
 * The whole app follows `data-theme` (light or dark) on the root element; styles in edit.css.
 * "system" resolves to the system's current choice and follows it, so the dark palette exists once.
 */
export function applyTheme(theme: Theme): void {
  const media = systemDark();
  if (followSystem) media?.removeEventListener('change', followSystem);
  followSystem = null;
  const root = document.documentElement;
  root.dataset.themeChoice = theme;
  if (theme !== 'system') {
    root.dataset.theme = theme;
    return;
  }
  followSystem = () => {
    root.dataset.theme = media?.matches ? 'dark' : 'light';
  };
  followSystem();
  media?.addEventListener('change', followSystem);
}
