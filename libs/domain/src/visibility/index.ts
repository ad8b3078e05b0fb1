export * from './readers';
export * from './redact';
export * from './step-fields';
export * from './closing';
export * from './history';
export * from './task-material';
export * from './facts';
export * from './task-details';
