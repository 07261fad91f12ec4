import type { ComponentType } from 'react';
import type { ScreenProps } from '../registry';

/** Screens of the study area (overview, reviewer, options, stats…). */
export const studyScreens: Record<string, ComponentType<ScreenProps>> = {};
