// GET /api/audit and /api/audit/verify (apps/api/src/dtos/audit.dto.ts).

import type { AuditVerification } from '@hardtech/domain/views';
export { AUDIT_OUTCOMES as OUTCOMES } from '@hardtech/domain/views';
export type { NamedAuditEvent as AuditEvent } from '@hardtech/domain/views';
export type Verification = AuditVerification;
