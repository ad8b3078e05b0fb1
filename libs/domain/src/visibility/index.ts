export * from './readers';
export * from './redact';
export * from './step-fields';
