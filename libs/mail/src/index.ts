export * from './errors';
export * from './outbox.service';
export * from './transport';
export * from './metrics';
export * from './allocation-letter';
export * from './compose';
