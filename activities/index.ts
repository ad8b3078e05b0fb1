import { INestApplicationContext } from '@nestjs/common';
import type { DigestActivities, DispatchActivities, LifecycleActivities } from '@hardtech/temporal';
import { DigestActivitiesService } from './digest.activities';
import { DispatchActivitiesService } from './dispatch.activities';
import { LifecycleActivitiesService } from './lifecycle.activities';

export { DigestActivitiesService, DispatchActivitiesService, LifecycleActivitiesService };

/** Services whose methods are the worker's activities. */
export const ACTIVITY_SERVICES = [
  DigestActivitiesService,
  DispatchActivitiesService,
  LifecycleActivitiesService,
];

/** Binds the injected services' methods into the activities object the worker registers. */
export function createActivities(
  app: INestApplicationContext,
): Record<string, (...args: any[]) => Promise<unknown>> {
  const lifecycle = app.get(LifecycleActivitiesService);
  const dispatch = app.get(DispatchActivitiesService);
  const digest = app.get(DigestActivitiesService);
  const activities: LifecycleActivities & DispatchActivities & DigestActivities = {
    sendDigests: digest.sendDigests.bind(digest),
    supportingMembers: dispatch.supportingMembers.bind(dispatch),
    tickMembers: dispatch.tickMembers.bind(dispatch),
    activePolicy: lifecycle.activePolicy.bind(lifecycle),
    project: lifecycle.project.bind(lifecycle),
    reservePoolSeat: lifecycle.reservePoolSeat.bind(lifecycle),
    notify: lifecycle.notify.bind(lifecycle),
  };
  return { ...activities };
}
