import { Injectable } from '@nestjs/common';
import { Actor, InvalidInput, memberOn, NotFound, shanghaiDate, t } from '@hardtech/domain';
import { AuditRepository, EnterprisesRepository } from '@hardtech/persistence';

/**
 * 二(六): 入库企业申报享受上述政策的…加3分. Other systems ask "was this enterprise in the pool on
 * date D?"; the answer comes from membership periods, both days included (memberOn): an enterprise
 * was a member on the day it graduated, though the pool no longer counts it. Every answer is audited
 * (it grants points), and so is an enterprise the caller may not see.
 */
@Injectable()
export class PoolService {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly audit: AuditRepository,
  ) {}

  async membership(actor: Actor, creditCode: string, date = shanghaiDate(new Date())) {
    if (
      Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
      new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
    ) {
      throw new InvalidInput([
        { field: 'date', text: t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD') },
      ]);
    }
    const checked = {
      actor: actor.username,
      actorRole: actor.role,
      action: 'pool.membership_checked',
      creditCode,
    };
    if (!(await this.enterprises.findVisible(actor, creditCode))) {
      const e = new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));
      await this.audit.append({ ...checked, outcome: 'refused', status: 404, data: { date, code: e.code } });
      throw e;
    }
    const period = (await this.enterprises.membershipOf(creditCode)).find((p) =>
      memberOn({ from: p.fromDate, to: p.toDate }, date),
    );
    const answer = {
      creditCode,
      date,
      member: !!period,
      period: period
        ? {
            from: period.fromDate,
            to: period.toDate,
            lifecycleNo: period.lifecycleNo,
            reason: period.endReason,
          }
        : null,
    };
    await this.audit.append({
      ...checked,
      status: 200,
      data: { date, member: answer.member, period: answer.period },
    });
    return answer;
  }
}
