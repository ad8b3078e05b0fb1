import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stretch of pool membership: from admission to graduation or exit (open while supporting). */
@Entity('membership_periods')
export class MembershipPeriodEntity {
  @PrimaryColumn({ name: 'credit_code', type: 'varchar', length: 18 }) creditCode: string;
  @PrimaryColumn({ name: 'lifecycle_no', type: 'integer' }) lifecycleNo: number;
  @Column({ name: 'from_date', type: 'date' }) fromDate: string;
  @Column({ name: 'to_date', type: 'date', nullable: true }) toDate: string | null;
  @Column({ name: 'end_reason', type: 'varchar', length: 32, nullable: true }) endReason: string | null;
}
