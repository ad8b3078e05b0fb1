import { ClusterEntity } from './cluster.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { LifecycleEntity } from './lifecycle.entity';
import { MembershipPeriodEntity } from './membership-period.entity';
import { PolicyVersionEntity } from './policy-version.entity';
import { ProblemEntity } from './problem.entity';
import { QuarterlyReportEntity } from './quarterly-report.entity';
import { TaskCommentEntity } from './task-comment.entity';
import { TaskEntity } from './task.entity';
import { UserEntity } from './user.entity';

export {
  ClusterEntity,
  EnterpriseEntity,
  LifecycleEntity,
  MembershipPeriodEntity,
  PolicyVersionEntity,
  ProblemEntity,
  QuarterlyReportEntity,
  TaskCommentEntity,
  TaskEntity,
  UserEntity,
};
export type { TaskStatus } from './task.entity';

export const ENTITIES = [
  ClusterEntity,
  EnterpriseEntity,
  LifecycleEntity,
  MembershipPeriodEntity,
  PolicyVersionEntity,
  ProblemEntity,
  QuarterlyReportEntity,
  TaskCommentEntity,
  TaskEntity,
  UserEntity,
];
