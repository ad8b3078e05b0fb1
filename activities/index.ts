import { INestApplicationContext } from '@nestjs/common';
import { LifecycleActivitiesService } from './lifecycle.activities';

export { LifecycleActivitiesService };

/** Services whose methods are the worker's activities. */
export const ACTIVITY_SERVICES = [LifecycleActivitiesService];

/** Binds the injected services' methods into the activities object the worker registers. */
export function createActivities(
  app: INestApplicationContext,
): Record<string, (...args: any[]) => Promise<unknown>> {
  const lifecycle = app.get(LifecycleActivitiesService);
  return {
    activePolicy: lifecycle.activePolicy.bind(lifecycle),
    project: lifecycle.project.bind(lifecycle),
    reservePoolSeat: lifecycle.reservePoolSeat.bind(lifecycle),
  };
}
