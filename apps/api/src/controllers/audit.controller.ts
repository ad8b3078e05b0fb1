import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AUDIT_LOG_READERS } from '@hardtech/domain';
import { Roles } from '../auth/decorators';
import { AuditPageDto, AuditQueryDto, AuditVerificationDto } from '../dtos/audit.dto';
import { ApiDoc } from '../openapi/api-doc';
import { AuditService } from '../services/audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(...AUDIT_LOG_READERS)
  @ApiDoc({
    summary: '审计日志 The audit log',
    description:
      'Append-only and chained with a keyed hash (HMAC-SM3 or HMAC-SHA256) in PostgreSQL: every state-changing request (refusals included), ' +
      'every permission refusal, logins and failed logins, every workflow transition, membership checks.',
    ok: AuditPageDto,
    errors: [400, 401, 403],
  })
  list(@Query() q: AuditQueryDto) {
    return this.audit.list({
      creditCode: q.creditCode,
      actor: q.actor,
      action: q.action,
      outcome: q.outcome,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      reads: q.reads,
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 50,
    });
  }

  @Get('verify')
  @Roles(...AUDIT_LOG_READERS)
  @ApiDoc({
    summary: '校验审计日志 Verify the hash chain',
    description:
      'Recomputes every row’s keyed hash and link and compares the chain with the last signed checkpoint: ' +
      'an edited, deleted or truncated row is named by firstBrokenAt, also after a database superuser recomputed plain hashes.',
    ok: AuditVerificationDto,
    errors: [401, 403],
  })
  verify() {
    return this.audit.verify();
  }
}
