export * from './bundle';
export * from './connection';
