export * from './demo';
export * from './visitation-demo';
