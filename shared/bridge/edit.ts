/** Bridge methods of the editing screens: card browser, add/edit notes, note types, settings, permission prompt. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EditMethods {}
