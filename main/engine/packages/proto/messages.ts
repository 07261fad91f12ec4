/**
 * Anki's stored protobuf messages, decoded to plain objects and encoded back in
 * ascending field order, as prost does.
 */
export * from './notetype-messages';
export * from './deck-messages';
export * from './deckconfig-messages';
export * from './package-messages';
