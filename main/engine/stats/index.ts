export * from './revlog';
export * from './report';
export * from './html';
