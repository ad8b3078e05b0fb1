import { Injectable } from '@nestjs/common';
import { Actor, assertValid, NotFound, t, WHISTLE_FIELDS } from '@hardtech/domain';
import { LifecycleClient, WhistleResult } from '@hardtech/temporal';
import { EnterprisesRepository } from '@hardtech/persistence';

/** 企业吹哨·部门报到: the enterprise raises a problem; its owner department must respond in time. */
@Injectable()
export class WhistlesService {
  constructor(
    private readonly lifecycles: LifecycleClient,
    private readonly enterprises: EnterprisesRepository,
  ) {}

  async blow(actor: Actor, creditCode: string, body: unknown): Promise<WhistleResult> {
    if (!(await this.enterprises.findVisible(actor, creditCode))) {
      throw new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));
    }
    assertValid(WHISTLE_FIELDS, body);
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
