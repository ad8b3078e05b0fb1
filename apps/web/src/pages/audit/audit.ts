// GET /api/audit and /api/audit/verify (apps/api/src/dtos/audit.dto.ts).

import type { AuditVerification } from '@hardtech/domain/views';
export { AUDIT_OUTCOMES as OUTCOMES, AUDIT_READS as READS } from '@hardtech/domain/views';
export type { AuditReads } from '@hardtech/domain/views';
export type { NamedAuditEvent as AuditEvent } from '@hardtech/domain/views';
export type Verification = AuditVerification;
