import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('clusters')
export class ClusterEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) code: string;
  @Column({ type: 'varchar', length: 16 }) tier: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 200 }) en: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
}
