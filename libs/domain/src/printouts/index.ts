export * from './approval-sheet';
export * from './dossier';
export { wanYuan } from './print-format';
export * from './printout';
export * from './dispatch-briefing';
