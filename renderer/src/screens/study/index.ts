import type { ComponentType } from 'react';
import type { ScreenProps } from '../registry';
import { Overview } from './Overview';
import { Reviewer } from './Reviewer';
import { CongratsScreen } from './Congrats';
import { DeckOptions } from './DeckOptions';
import { Stats } from './Stats';
import { CheckDatabase } from './CheckDatabase';

/** Screens of the study area (overview, reviewer, options, stats…). */
export const studyScreens: Record<string, ComponentType<ScreenProps>> = {
  overview: Overview,
  review: Reviewer,
  congrats: CongratsScreen,
  'deck-options': DeckOptions,
  stats: Stats,
  'check-database': CheckDatabase,
};
