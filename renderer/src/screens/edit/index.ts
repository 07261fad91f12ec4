import type { ComponentType } from 'react';
import type { ScreenProps } from '../registry';

/** Screens of the editing area (browser, add, edit, note types, settings…). */
export const editScreens: Record<string, ComponentType<ScreenProps>> = {};
