// GET /api/audit and /api/audit/verify (apps/api/src/dtos/audit.dto.ts).

export const OUTCOMES = ['ok', 'refused', 'failed'] as const;

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  outcome: (typeof OUTCOMES)[number];
  status: number | null;
  creditCode: string | null;
  taskId: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface Verification {
  ok: boolean;
  checked: number;
  firstBrokenAt: number | null;
  reason: 'missing_row' | 'content_changed' | 'link_broken' | 'head_mismatch' | null;
  head: { seq: number; hash: string };
}

/** The prefixes the API documents for the action filter, offered as suggestions. */
export const ACTION_PREFIXES = ['auth.', 'workflow.transition', 'pool.', 'POST /api/tasks', 'PUT /api/admin'];
