export * from './bundle';
export * from './codec-server';
export * from './connection';
export * from './data-converter';
export * from './failure-converter';
export * from './payload-codec';
export * from './tracing';
