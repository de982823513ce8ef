export * from './demo';
export * from './source-swvs';
