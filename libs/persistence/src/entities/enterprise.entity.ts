import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Nomination, ScreeningReport, Stage } from '@hardtech/domain';
import { bigintNumber } from './transformers';

/** An enterprise's current lifecycle as the workflow last projected it. */
@Entity('enterprises')
export class EnterpriseEntity {
  @PrimaryColumn({ name: 'credit_code', type: 'varchar', length: 18 }) creditCode: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 16 }) district: string;
  @Column({ type: 'varchar', length: 16 }) cluster: string;
  @Column({ type: 'varchar', length: 32 }) stage: Stage;
  @Column({ name: 'state_value', type: 'jsonb', nullable: true }) stateValue: unknown;
  @Column({ name: 'workflow_id', type: 'varchar', length: 64 }) workflowId: string;
  @Column({ name: 'lifecycle_no', type: 'integer' }) lifecycleNo: number;
  /** The last transition applied; older projections arriving late are ignored. */
  @Column({ name: 'projection_seq', type: 'integer', default: 0 }) projectionSeq: number;
  @Column({ name: 'policy_version', type: 'integer', nullable: true }) policyVersion: number | null;
  @Column({ type: 'jsonb' }) nomination: Nomination;
  @Column({ type: 'jsonb', nullable: true }) screening: ScreeningReport | null;
  @Column({ name: 'nominated_by', type: 'varchar', length: 64 }) nominatedBy: string;
  @Column({ name: 'lead_cluster', type: 'varchar', length: 16, nullable: true }) leadCluster: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) commissioner: string | null;
  @Column({ name: 'district_liaison', type: 'varchar', length: 64, nullable: true }) districtLiaison:
    string | null;
  @Column({ name: 'baseline_revenue', type: 'bigint', nullable: true, transformer: bigintNumber })
  baselineRevenue: number | null;
  @Column({ type: 'jsonb', nullable: true }) diagnosis: unknown;
  @Column({ type: 'jsonb', nullable: true }) closing: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** The last transition a person asked for: the read-model repair's sweep (migration ActedAt). */
  @Column({ name: 'acted_at', type: 'timestamptz', nullable: true }) actedAt: Date | null;
}
