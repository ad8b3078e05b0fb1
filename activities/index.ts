import { INestApplicationContext } from '@nestjs/common';
import type {
  AnnualReviewActivities,
  DigestActivities,
  DispatchActivities,
  LifecycleActivities,
} from '@hardtech/temporal';
import { AnnualReviewActivitiesService } from './annual-review.activities';
import { DigestActivitiesService } from './digest.activities';
import { DispatchActivitiesService } from './dispatch.activities';
import { LifecycleActivitiesService } from './lifecycle.activities';

export {
  AnnualReviewActivitiesService,
  DigestActivitiesService,
  DispatchActivitiesService,
  LifecycleActivitiesService,
};

/** Services whose methods are the worker's activities. */
export const ACTIVITY_SERVICES = [
  AnnualReviewActivitiesService,
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
  const annual = app.get(AnnualReviewActivitiesService);
  const activities: LifecycleActivities & DispatchActivities & DigestActivities & AnnualReviewActivities = {
    calendarNotice: annual.calendarNotice.bind(annual),
    annualReviewOpening: annual.annualReviewOpening.bind(annual),
    poolMembers: annual.poolMembers.bind(annual),
    openAnnualReviews: annual.openAnnualReviews.bind(annual),
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
