import type { ComponentType } from 'react';
import type { ScreenProps } from '../registry';
import '../../styles/edit.css';
import { AddCards } from './AddCards';
import { EditNote } from './EditNote';
import { Browser } from './browser/Browser';
import { Notetypes } from './notetypes/Notetypes';
import { Settings } from './Settings';
import { Import } from './Import';
import { Export } from './Export';

/** Screens of the editing area (browser, add, edit, note types, settings…). */
export const editScreens: Record<string, ComponentType<ScreenProps>> = {
  add: AddCards,
  edit: EditNote,
  browse: Browser,
  notetypes: Notetypes,
  settings: Settings,
  // The Electron menu's Switch Profile opens Settings, where profiles are.
  profiles: Settings,
  import: Import,
  export: Export,
};
