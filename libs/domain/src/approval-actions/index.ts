export * from './allowed';
export * from './countersign';
export * from './return';
export * from './withdraw';
export * from './available';
