import * as all from './all';

export * from './all';
export type { TaskStatus } from './task.entity';

/** Every entity class, for the data source (each one is listed once, in ./all). */
export const ENTITIES = Object.values(all);
