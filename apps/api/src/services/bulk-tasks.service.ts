import { Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  DomainError,
  InvalidInput,
  localize,
  Locale,
  NotFound,
  RuleViolation,
  t,
  TASK_FORMS,
} from '@hardtech/domain';
import { domainErrorFrom } from '@hardtech/temporal';
import { TasksRepository } from '@hardtech/persistence';
import { BulkTaskDto } from '../dtos/bulk.dto';
import { unavailableAnswer } from '../errors/unavailable';
import { TaskActionsService } from './task-actions.service';
import { TasksService } from './tasks.service';

/** Tasks handled at once: enough to be quick, few enough to be gentle on one workflow server. */
const LANES = 8;
/**
 * No task is begun this long after the request came: a row whose lifecycle's workflow task is
 * failing holds its lane for UPDATE_PATIENCE_MS (10 s, keyed) or Temporal's 20–40 s (keyless), and
 * 100 such rows in 8 lanes would hold the request for minutes. The rows left are answered 503
 * BULK_NOT_TRIED (nothing done), to be sent again with the same key; the answer comes within this
 * and one row's wait (about 30 s keyed).
 */
export const BULK_START_BUDGET_MS = 20_000;

/**
 * Bulk claim, unclaim, reassign, complete and urge (催办). Each task is its own Update, so a task is either
 * wholly done or untouched; the answer says for every task what happened.
 */
@Injectable()
export class BulkTasksService {
  private readonly logger = new Logger('BulkTasksService');

  constructor(
    private readonly tasks: TasksService,
    private readonly rows: TasksRepository,
    private readonly urges: TaskActionsService,
  ) {}

  /**
   * With an Idempotency-Key each task's action is keyed as the single action is (its Update id made
   * of the key, the task, the action, the caller and the body): sent again with the same key, the
   * tasks done answer their first outcome, the others are tried again.
   */
  async run(actor: Actor, dto: BulkTaskDto, locale: Locale, key?: string) {
    if (dto.action === 'reassign' && !dto.to)
      throw new InvalidInput([{ field: 'to', text: t('必填', 'is required') }]);
    if (dto.action === 'complete' && !dto.outcome)
      throw new InvalidInput([{ field: 'outcome', text: t('必填', 'is required') }]);
    const results = new Array(dto.taskIds.length);
    const late = Date.now() + BULK_START_BUDGET_MS;
    let next = 0;
    const lane = async () => {
      while (next < dto.taskIds.length) {
        const i = next++;
        const taskId = dto.taskIds[i].toLowerCase();
        results[i] =
          Date.now() < late ? await this.one(actor, dto, taskId, locale, key) : notTried(taskId, locale);
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  private async one(actor: Actor, dto: BulkTaskDto, taskId: string, locale: Locale, key?: string) {
    try {
      const result = await this.apply(actor, dto, taskId, key);
      return { taskId, ok: true, status: 200, result };
    } catch (e) {
      const error = e instanceof DomainError ? e : domainErrorFrom(e);
      // The workflow task being retried (a starved or dead worker), or Temporal or PostgreSQL away:
      // nothing of this row was applied; the same request, with the same key, is answered once.
      const unavailable = error ? null : unavailableAnswer(e);
      if (unavailable) {
        this.logger.warn(`bulk ${dto.action} ${taskId}: ${unavailable.code} ${(e as Error)?.message ?? e}`);
        const { status, code, text } = unavailable;
        return { taskId, ok: false, status, code, message: localize(text, locale) };
      }
      if (!error) {
        this.logger.error(`bulk ${dto.action} ${taskId}: ${(e as Error).stack ?? e}`);
        return {
          taskId,
          ok: false,
          status: 500,
          code: 'INTERNAL_ERROR',
          message: localize(t('服务器内部错误', 'internal error'), locale),
        };
      }
      return {
        taskId,
        ok: false,
        status: error.status,
        code: error.code,
        message: localize(error.text, locale),
      };
    }
  }

  private async apply(actor: Actor, dto: BulkTaskDto, taskId: string, key?: string) {
    switch (dto.action) {
      case 'claim':
        return this.tasks.assign(actor, taskId, 'claim', undefined, undefined, key);
      case 'unclaim':
        return this.tasks.assign(actor, taskId, 'unclaim', undefined, undefined, key);
      case 'reassign':
        return this.tasks.assign(actor, taskId, 'delegate', dto.to, dto.reason, key);
      case 'urge':
        return this.urges.urge(actor, taskId, dto.reason, key);
      case 'complete': {
        const task = await this.rows.findVisible(actor, taskId);
        if (!task) throw new NotFound('TASK_NOT_FOUND', t('任务不存在', 'no such task'));
        if (!TASK_FORMS[task.type].outcomes[dto.outcome!]?.bulk) {
          throw new RuleViolation(
            'BULK_NOT_ALLOWED',
            t(
              '该任务的此项结果不能批量办理，请逐件办理',
              'this outcome of this task cannot be given in bulk',
            ),
          );
        }
        return this.tasks.complete(actor, taskId, { outcome: dto.outcome!, data: dto.data ?? {} }, key);
      }
    }
  }
}

/** A row not begun within BULK_START_BUDGET_MS: nothing done, to be sent again. */
function notTried(taskId: string, locale: Locale) {
  const text = t(
    '未办理：本次批量办理已超时，请重试',
    'not tried: the bulk action ran out of time, try again',
  );
  return { taskId, ok: false, status: 503, code: 'BULK_NOT_TRIED', message: localize(text, locale) };
}
