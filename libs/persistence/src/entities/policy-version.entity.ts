import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Policy } from '@hardtech/domain';

@Entity('policy_versions')
export class PolicyVersionEntity {
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) body: Policy;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
