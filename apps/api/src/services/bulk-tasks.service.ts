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
import { TaskActionsService } from './task-actions.service';
import { TasksService } from './tasks.service';

/** Tasks handled at once: enough to be quick, few enough to be gentle on one workflow server. */
const LANES = 8;

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

  async run(actor: Actor, dto: BulkTaskDto, locale: Locale) {
    if (dto.action === 'reassign' && !dto.to)
      throw new InvalidInput([{ field: 'to', text: t('必填', 'is required') }]);
    if (dto.action === 'complete' && !dto.outcome)
      throw new InvalidInput([{ field: 'outcome', text: t('必填', 'is required') }]);
    const results = new Array(dto.taskIds.length);
    let next = 0;
    const lane = async () => {
      while (next < dto.taskIds.length) {
        const i = next++;
        results[i] = await this.one(actor, dto, dto.taskIds[i].toLowerCase(), locale);
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  private async one(actor: Actor, dto: BulkTaskDto, taskId: string, locale: Locale) {
    try {
      const result = await this.apply(actor, dto, taskId);
      return { taskId, ok: true, status: 200, result };
    } catch (e) {
      const error = e instanceof DomainError ? e : domainErrorFrom(e);
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

  private async apply(actor: Actor, dto: BulkTaskDto, taskId: string) {
    switch (dto.action) {
      case 'claim':
        return this.tasks.assign(actor, taskId, 'claim');
      case 'unclaim':
        return this.tasks.assign(actor, taskId, 'unclaim');
      case 'reassign':
        return this.tasks.assign(actor, taskId, 'delegate', dto.to, dto.reason);
      case 'urge':
        return this.urges.urge(actor, taskId, dto.reason);
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
        return this.tasks.complete(actor, taskId, { outcome: dto.outcome!, data: dto.data ?? {} });
      }
    }
  }
}
