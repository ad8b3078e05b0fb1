import type { AuditEvent } from './audit';

/** A row of GET /api/audit (an officer's completed task); override what a case needs. */
export const auditEvent = (seq: number, over: Partial<AuditEvent> = {}): AuditEvent => ({
  seq,
  at: '2026-07-01T08:00:00.000Z',
  actor: 'coordinator',
  actorName: '科技处 李明',
  actorDepartment: null,
  actorRole: 'city_coordinator',
  action: 'POST /api/tasks/:id/complete',
  outcome: 'ok',
  status: 200,
  creditCode: '91500000MA5U7DXX1F',
  enterpriseName: '重庆芯测半导体科技有限公司',
  taskId: null,
  requestId: 'req-1',
  data: { outcome: 'pass', reason: '符合条件' },
  transition: null,
  prevHash: `prev-${seq}`,
  hash: `hash-${seq}`,
  ...over,
});
