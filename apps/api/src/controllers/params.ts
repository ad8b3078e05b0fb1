import { createParamDecorator, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { creditCodeProblem, InvalidInput, t } from '@hardtech/domain';
import { USERNAME } from '../dtos/user.dto';
import { checkIdempotencyKey } from '../services/idempotency';

/** `:creditCode` path parameters: a malformed code is a 400, not a lookup. */
@Injectable()
export class CreditCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const problem = creditCodeProblem(value);
    if (problem) throw new InvalidInput([{ field: 'creditCode', text: problem }]);
    return value;
  }
}

/** `:date` path parameters: a real calendar date YYYY-MM-DD. */
@Injectable()
export class DatePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const d = new Date(`${value}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(d.getTime()) ||
      d.toISOString().slice(0, 10) !== value
    ) {
      throw new InvalidInput([
        { field: 'date', text: t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD') },
      ]);
    }
    return value;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `:id` of tasks: UUIDs. */
@Injectable()
export class TaskIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value))
      throw new InvalidInput([{ field: 'id', text: t('任务编号格式不正确', 'not a task id') }]);
    return value.toLowerCase();
  }
}

/** `:id` of attachments and saved views: UUIDs. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new InvalidInput([{ field: 'id', text: t('编号格式不正确', 'not an id') }]);
    return value.toLowerCase();
  }
}

/** `:username` path parameters. */

@Injectable()
export class UsernamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!USERNAME.test(value))
      throw new InvalidInput([{ field: 'username', text: t('用户名格式不正确', 'not a username') }]);
    return value;
  }
}

/**
 * The Idempotency-Key header of a task action, checked (400 when bad); documented by
 * ApiIdempotencyKey.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  checkIdempotencyKey(ctx.switchToHttp().getRequest<Request>().header('idempotency-key')),
);
