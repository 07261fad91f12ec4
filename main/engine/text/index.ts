export * from './fold';
export * from './html';
export * from './note-text';
export * from './tags';
