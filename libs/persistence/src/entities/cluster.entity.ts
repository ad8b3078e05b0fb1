import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('clusters')
export class ClusterEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) code: string;
  @Column({ type: 'varchar', length: 16 }) tier: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 200 }) en: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** 各行业处室牵头: the industry division leading the cluster (null: named by the cluster). */
  @Column({ name: 'division_name', type: 'varchar', length: 100, nullable: true }) divisionName:
    string | null;
  @Column({ name: 'division_en', type: 'varchar', length: 200, nullable: true }) divisionEn: string | null;
}
