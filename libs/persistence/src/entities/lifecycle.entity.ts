import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Nomination } from '@hardtech/domain';

/** One lifecycle of an enterprise: a re-nomination after rejection or exit starts the next. */
@Entity('lifecycles')
export class LifecycleEntity {
  @PrimaryColumn({ name: 'credit_code', type: 'varchar', length: 18 }) creditCode: string;
  @PrimaryColumn({ name: 'lifecycle_no', type: 'integer' }) lifecycleNo: number;
  @Column({ name: 'workflow_id', type: 'varchar', length: 64 }) workflowId: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ name: 'nominated_by', type: 'varchar', length: 64 }) nominatedBy: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ name: 'final_stage', type: 'varchar', length: 32, nullable: true }) finalStage: string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) reason: string | null;
  /** The statechart event that ended it (`SCREEN.reject`): whose words `reason` are. */
  @Column({ type: 'varchar', length: 64, nullable: true }) outcome: string | null;
  /** Where and by whom it was served (projection/served-by.ts): an earlier lifecycle's tasks and files are read by it. */
  @Column({ type: 'varchar', length: 16, nullable: true }) district: string | null;
  @Column({ name: 'nomination_cluster', type: 'varchar', length: 16, nullable: true })
  nominationCluster: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) cluster: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) commissioner: string | null;
  /** Its nomination as supplemented while it ran (null: followed by another before it was kept). */
  @Column({ type: 'jsonb', nullable: true }) nomination: Nomination | null;
}
