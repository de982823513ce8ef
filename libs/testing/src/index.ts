export * from './database';
export * from './smtp';
export * from './temporal';
