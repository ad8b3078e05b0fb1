import { Injectable } from '@nestjs/common';
import { PolicyRepository, ProjectionRepository } from '@hardtech/persistence';
import type { Policy } from '@hardtech/domain';
import type { LifecycleActivities, ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';

/** The lifecycle's side effects: reading the active policy and projecting transitions. */
@Injectable()
export class LifecycleActivitiesService implements LifecycleActivities {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly projections: ProjectionRepository,
  ) {}

  activePolicy(): Promise<Policy> {
    return this.policies.active();
  }

  project(delta: ProjectionDelta): Promise<void> {
    return this.projections.apply(delta);
  }
}
