// Shapes the API answers and the web UI reads, declared once where both can import them (the web
// imports pure domain modules only, never the server's code).
import type { AuditTransitionSummary } from './audit-transition';
import type { Role, Scope } from './roles';
import type { Text } from './text';

export const AUDIT_OUTCOMES = ['ok', 'refused', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * Reads in the audit log (GET requests answered): `include`d with the rest, `exclude`d to see the
 * business events only, or `only` them (等保 2.0: reads are recorded and shown on demand).
 */
export const AUDIT_READS = ['include', 'exclude', 'only'] as const;
export type AuditReads = (typeof AUDIT_READS)[number];

/** One row of the append-only, hash-chained audit log (GET /api/audit). */
export interface AuditEvent {
  seq: number;
  at: string;
  actor: string | null;
  actorRole: string | null;
  action: string;
  outcome: AuditOutcome;
  status: number | null;
  creditCode: string | null;
  taskId: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** An audit event as GET /api/audit answers it: who acted by name beside the account. */
export interface NamedAuditEvent extends AuditEvent {
  /** The name of the enterprise `creditCode` names; null without one. */
  enterpriseName: string | null;
  /** The display name of the user `actor` names; null when no user has that account (`system`, `anonymous`, a failed login's guess). */
  actorName: string | null;
  /** That user's department (personDepartment); null with `actorName`. */
  actorDepartment: Text | null;
  /** A `workflow.transition` read as the business event it was; null for every other action. */
  transition: AuditTransitionSummary | null;
}

/** GET /api/audit/verify. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first chain position (seq) that no longer holds; null when the chain is intact. */
  firstBrokenAt: number | null;
  reason: 'missing_row' | 'content_changed' | 'link_broken' | 'head_mismatch' | 'checkpoint_mismatch' | null;
  /** The last position and hash in the database. */
  head: { seq: number; hash: string };
  /** The last signed checkpoint the chain was checked against (issue 20.2); null before the first. */
  checkpoint: { seq: number; hash: string; at: string } | null;
}

/** A readable step of an enterprise's history (GET /api/enterprises/:creditCode/history). */
export interface HistoryEntry {
  at: string;
  /**
   * The username from the verified token the API put into the Update or Signal; `system` otherwise;
   * null where the reader may not know who did it (libs/domain/src/visibility).
   */
  actor: string | null;
  action: string;
  data: Record<string, unknown>;
  label: Text;
  lifecycleNo: number | null;
  runId: string;
  eventId: number;
}

/** A history entry as GET /api/enterprises/:creditCode/history answers it: the actor's display name beside the username. */
export interface NamedHistoryEntry extends HistoryEntry {
  /** The actor's display name today (the username when the user is gone); null when `actor` is null or `system`. */
  actorName: string | null;
  /**
   * The display names of the other people `data` names by username (`to`, `users`, `onBehalfOf`, a
   * step's user fields such as ADMIT's `commissioner`), each username → name (itself when gone).
   */
  names: Record<string, string>;
}

/** A user as the API shows it (GET /api/users); never the password hash. */
export interface UserView {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
  /** Their ids in the 企业微信 and 钉钉 directories, for person-to-person messages. */
  wecomUserId: string | null;
  dingtalkUserId: string | null;
  /** Their subject at the unified identity service: single sign-on opens this account. */
  oidcSubject: string | null;
}
