import type { ComponentType } from 'react';
import { DeckBrowser } from './DeckBrowser';
import { studyScreens } from './study';
import { editScreens } from './edit';

export interface ScreenProps {
  params: Record<string, unknown>;
}

/** Every full-window screen by route name. Study and editing areas register theirs in their own index. */
export const screens: Record<string, ComponentType<ScreenProps>> = {
  decks: DeckBrowser,
  ...studyScreens,
  ...editScreens,
};
