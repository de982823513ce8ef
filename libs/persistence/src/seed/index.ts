export * from './demo';
export * from './transition-demo';
