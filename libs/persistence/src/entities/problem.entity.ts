import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  OwnerDepartment,
  ProblemCategory,
  ProblemCloseRequest,
  ProblemExtension,
  ProblemProgress,
  ProblemStatus,
  ProblemWhistle,
} from '@hardtech/domain';

/** 化解问题台账: a diagnosed problem with its measures, owner and status. */
@Entity('problems')
export class ProblemEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'credit_code', type: 'varchar', length: 18 }) creditCode: string;
  @Column({ name: 'lifecycle_no', type: 'integer' }) lifecycleNo: number;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'varchar', length: 32 }) category: ProblemCategory;
  @Column({ type: 'varchar', length: 2000 }) measures: string;
  @Column({ type: 'varchar', length: 500 }) target: string;
  @Column({ name: 'owner_department', type: 'varchar', length: 32 }) ownerDepartment: OwnerDepartment;
  @Column({ name: 'due_at', type: 'date' }) dueAt: string;
  @Column({ type: 'varchar', length: 16 }) status: ProblemStatus;
  @Column({ type: 'varchar', length: 40, nullable: true }) special: string | null;
  @Column({ type: 'varchar', length: 16 }) district: string;
  /** The lifecycle's lead cluster (its nomination's before admission named one). */
  @Column({ type: 'varchar', length: 16 }) cluster: string;
  /** The lifecycle's nomination cluster: its industry officers read the problem too. */
  @Column({ name: 'nomination_cluster', type: 'varchar', length: 16 }) nominationCluster: string;
  /** The service commissioner of the problem's lifecycle, who reads it (null before admission named one). */
  @Column({ type: 'varchar', length: 64, nullable: true }) commissioner: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** 企业吹哨: the latest whistle on the problem, open until its owner department answers. */
  @Column({ name: 'whistle_status', type: 'varchar', length: 16, nullable: true }) whistleStatus:
    'open' | 'answered' | null;
  @Column({ name: 'whistled_at', type: 'timestamptz', nullable: true }) whistledAt: Date | null;
  /** What the latest whistle said, for the department that answers it (null before 1765930000000). */
  @Column({ type: 'jsonb', nullable: true }) whistle: ProblemWhistle | null;
  /** Ledger work (issue 19): progress entries, oldest first. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) progress: ProblemProgress[];
  /** 申请销号: pending while the status is `closing`, else the last one decided. */
  @Column({ name: 'close_request', type: 'jsonb', nullable: true }) closeRequest: ProblemCloseRequest | null;
  /** A request for more time awaiting the coordinators. */
  @Column({ type: 'jsonb', nullable: true }) extension: ProblemExtension | null;
}
