/** Bridge methods of the study screens: deck browser actions, overview, reviewer, options, statistics. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StudyMethods {}
