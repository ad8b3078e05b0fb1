import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber, numericNumber } from './transformers';

@Entity('quarterly_reports')
export class QuarterlyReportEntity {
  @PrimaryColumn({ name: 'credit_code', type: 'varchar', length: 18 }) creditCode: string;
  @PrimaryColumn({ name: 'lifecycle_no', type: 'integer' }) lifecycleNo: number;
  @PrimaryColumn({ type: 'varchar', length: 8 }) quarter: string;
  @Column({ type: 'bigint', transformer: bigintNumber }) revenue: number;
  @Column({ name: 'rd_expense', type: 'bigint', transformer: bigintNumber }) rdExpense: number;
  @Column({ type: 'integer' }) headcount: number;
  @Column({ name: 'new_class_one_ip', type: 'integer' }) newClassOneIp: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) financing: number;
  @Column({ name: 'listing_progress', type: 'varchar', length: 16 }) listingProgress: string;
  @Column({ type: 'varchar', length: 2000, nullable: true }) note: string | null;
  @Column({ name: 'submitted_by', type: 'varchar', length: 64 }) submittedBy: string;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ name: 'annualized_revenue', type: 'bigint', nullable: true, transformer: bigintNumber })
  annualizedRevenue: number | null;
  @Column({ name: 'growth_ratio', type: 'numeric', nullable: true, transformer: numericNumber }) growthRatio:
    number | null;
  @Column({ name: 'expected_ratio', type: 'numeric', nullable: true, transformer: numericNumber })
  expectedRatio: number | null;
  @Column({ name: 'on_track', type: 'boolean', nullable: true }) onTrack: boolean | null;
  /** 退回 or 撤回: the report left the lifecycle's facts until sent again; it counts nowhere meanwhile. */
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt: Date | null;
}
