import type { Theme } from '../../../../shared/bridge/edit';

/** The whole app follows `data-theme` on the root element (styles in edit.css). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
