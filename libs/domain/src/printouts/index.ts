export * from './approval-sheet';
export * from './dossier';
export { yuanText } from './print-format';
export * from './printout';
export * from './briefing-name';
export * from './dispatch-briefing';
