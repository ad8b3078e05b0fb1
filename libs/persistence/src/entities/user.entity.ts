import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role, Scope } from '@hardtech/domain';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 64, unique: true }) username: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName: string;
  @Column({ type: 'varchar', length: 32 }) role: Role;
  @Column({ type: 'jsonb', default: {} }) scope: Scope;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** The user in the 企业微信 and 钉钉 directories, for person-to-person messages (issue 18 §2). */
  @Column({ name: 'wecom_user_id', type: 'varchar', length: 64, nullable: true }) wecomUserId: string | null;
  @Column({ name: 'dingtalk_user_id', type: 'varchar', length: 64, nullable: true })
  dingtalkUserId: string | null;
  /** The subject of this person at the unified identity service (single sign-on), set by an administrator. */
  @Column({ name: 'oidc_subject', type: 'varchar', length: 255, nullable: true, unique: true })
  oidcSubject: string | null;
  @Column({ name: 'failed_logins', type: 'integer', default: 0 }) failedLogins: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  /** Every endpoint but the own password change answers 403 until it is changed. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword: boolean;
  /** A password's age, for the policy's `passwordMaxAgeDays`. */
  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
