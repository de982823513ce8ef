export * from './housekeeping.repository';
