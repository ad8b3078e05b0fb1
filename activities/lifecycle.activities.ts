import { Injectable } from '@nestjs/common';
import { MembershipRepository, PolicyRepository, ProjectionRepository } from '@hardtech/persistence';
import type { Policy } from '@hardtech/domain';
import type {
  LifecycleActivities,
  ProjectionDelta,
  SeatRequest,
  SeatResult,
} from '@hardtech/temporal/lifecycle.contract';

/** The lifecycle's side effects: the active policy, projecting transitions, pool seats. */
@Injectable()
export class LifecycleActivitiesService implements LifecycleActivities {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly projections: ProjectionRepository,
    private readonly membership: MembershipRepository,
  ) {}

  activePolicy(): Promise<Policy> {
    return this.policies.active();
  }

  project(delta: ProjectionDelta): Promise<void> {
    return this.projections.apply(delta);
  }

  /** 纳入库中 within the pool capacity: the seat is taken before the admission transition. */
  reservePoolSeat(req: SeatRequest): Promise<SeatResult> {
    return this.membership.reserve(req);
  }
}
