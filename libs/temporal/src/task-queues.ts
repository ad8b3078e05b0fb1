/** Default task queue of the lifecycle worker; TEMPORAL_TASK_QUEUE overrides it. */
export const LIFECYCLE_TASK_QUEUE = 'hardtech-lifecycle';
