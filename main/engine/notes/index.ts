export * from './add';
export * from './update';
export * from './delete';
export * from './query';
export * from './prepare';
