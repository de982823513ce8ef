/**
 * @jaarcyclus/domain — pure domain code (no I/O, no clocks, no Node built-ins). It is bundled
 * into Temporal workflow code, so every function is deterministic: time comes in as `now`.
 */
export * from './errors';
export * from './calendar';
export * from './schedule';
export * from './voting';
export * from './money';
export * from './allocation';
export * from './accountability';
export * from './visitation';
export * from './import';
export * from './governance';
export * from './transition';
