export * from './case-file';
export * from './opinion-text';
export * from './standing';
