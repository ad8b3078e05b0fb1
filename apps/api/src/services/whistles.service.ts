import { Injectable } from '@nestjs/common';
import {
  Actor,
  assertValid,
  DEFAULT_MAX_OPEN_WHISTLES,
  NotFound,
  RuleViolation,
  t,
  WHISTLE_FIELDS,
} from '@hardtech/domain';
import { LifecycleClient, WhistleResult } from '@hardtech/temporal';
import { ActivePolicyRepository, EnterprisesRepository, TasksRepository } from '@hardtech/persistence';

/** 企业吹哨·部门报到: the enterprise raises a problem; its owner department must respond in time. */
@Injectable()
export class WhistlesService {
  constructor(
    private readonly lifecycles: LifecycleClient,
    private readonly enterprises: EnterprisesRepository,
    private readonly tasks: TasksRepository,
    private readonly policies: ActivePolicyRepository,
  ) {}

  async blow(actor: Actor, creditCode: string, body: unknown): Promise<WhistleResult> {
    if (!(await this.enterprises.findVisible(actor, creditCode))) {
      throw new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));
    }
    assertValid(WHISTLE_FIELDS, body);
    // The cap is the policy's; two whistles racing past it at once are both let through (the
    // workflow keeps no count), which the cap's purpose — no flood — tolerates.
    const max = (await this.policies.current()).maxOpenWhistles ?? DEFAULT_MAX_OPEN_WHISTLES;
    const open = (await this.tasks.openOf(creditCode)).filter((x) => x.type === 'WHISTLE_RESPONSE').length;
    if (open >= max) {
      throw new RuleViolation(
        'TOO_MANY_OPEN_WHISTLES',
        t(
          `已有 ${open} 条吹哨待部门答复（上限 ${max}），请等待答复后再吹哨`,
          `${open} whistles already wait for an answer (at most ${max})`,
        ),
      );
    }
    const { problemId, title, description } = body as {
      problemId?: string;
      title: string;
      description: string;
    };
    return this.lifecycles.blowWhistle(creditCode, {
      problemId: problemId || undefined,
      title,
      description,
      actor,
    });
  }
}
