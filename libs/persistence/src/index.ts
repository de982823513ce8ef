export * from './data-source';
export * from './entities';
export * from './migrations';
export * from './repositories';
export * from './seed';
export * from './crypto/field-cipher';
export * from './query-logger';
