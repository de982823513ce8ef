export * from './demo';
export * from './source-swvs';
export * from './visitation-demo';
export * from './transition-demo';
