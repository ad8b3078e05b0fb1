import { Injectable } from '@nestjs/common';
import { Actor, reportingQuarterAt, requiredEvidence, TaskType } from '@hardtech/domain';
import { LifecycleClient } from '@hardtech/temporal';
import { EnterprisesRepository, TasksRepository } from '@hardtech/persistence';
import { AttachmentsService } from '../services/attachments.service';
import { NominationsService } from '../services/nominations.service';
import { TasksService } from '../services/tasks.service';
import { UsersService } from '../services/users.service';
import { WhistlesService } from '../services/whistles.service';
import { samplePdf } from './sample-pdf';
import {
  DEMO_ENTERPRISES,
  DEMO_PASSWORD,
  DEMO_PORTRAIT,
  DEMO_PROBLEMS,
  DEMO_USERS,
  DEMO_WHISTLE,
  DemoEnterprise,
  backdateBy,
  demoActor,
} from './demo-data';

const judgments = {
  C2: { affirmed: true, note: '自主研发核心技术，壁垒较高' },
  C6: { affirmed: true, note: '主导产品填补国内空白' },
};

/**
 * Demo mode's sample data: the users of docs/api.md and enterprises at several stages, driven through
 * the same services (and so the same workflow rules) as real requests. Idempotent.
 */
@Injectable()
export class DemoSeed {
  constructor(
    private readonly users: UsersService,
    private readonly nominations: NominationsService,
    private readonly tasks: TasksService,
    private readonly taskRows: TasksRepository,
    private readonly enterprises: EnterprisesRepository,
    private readonly lifecycles: LifecycleClient,
    private readonly attachments: AttachmentsService,
    private readonly whistles: WhistlesService,
  ) {}

  async run(): Promise<void> {
    await this.users.ensureBootstrapAdmin();
    for (const u of DEMO_USERS)
      await this.users.ensure(u.username, DEMO_PASSWORD, u.displayName, u.role, u.scope);
    for (const e of DEMO_ENTERPRISES) {
      if (await this.enterprises.findRow(e.nomination.creditCode)) continue;
      await this.drive(e);
      if (e.overdue) await this.makeOverdue(e.nomination.creditCode, e.overdue.type, e.overdue.days);
      console.log(`seed: ${e.nomination.name} → ${e.stage}`);
    }
  }

  private async drive(e: DemoEnterprise): Promise<void> {
    const cc = e.nomination.creditCode;
    const coordinator = demoActor('coordinator');
    const district = demoActor('district-500112');
    const nominator = e.nomination.district === '500112' ? district : coordinator;
    // The certificates of C3 and C5 come first (the policy requires them).
    for (const purpose of requiredEvidence(e.nomination)) {
      const name = purpose === 'C3' ? '技术中心认定文件.pdf' : 'Ⅰ类知识产权证书.pdf';
      await this.attachments.upload(
        nominator,
        { originalname: name, buffer: samplePdf(`${purpose} certificate ${cc}`) },
        { creditCode: cc, subject: 'nomination', purpose },
      );
    }
    await this.nominations.nominate(nominator, e.nomination);

    if (e.stage === 'screening') return;
    if (e.stage === 'supplement') {
      await this.step(cc, 'SCREEN', coordinator, 'request_info', {
        questions: '研发投入强度低于5%，请核实上年度研发费用并补充审计报告。',
      });
      return;
    }
    if (e.stage === 'rejected') {
      await this.step(cc, 'SCREEN', coordinator, 'reject', {
        reason: '企业已上市，不符合“未上市”筛选条件。',
      });
      return;
    }
    await this.step(cc, 'SCREEN', coordinator, 'pass', { judgments });
    if (e.stage === 'feedback') return;
    await this.step(cc, 'DISTRICT_FEEDBACK', district, 'support', {
      opinion: '企业发展势头良好，同意推荐。',
    });
    await this.step(cc, 'ENTERPRISE_CONFIRM', demoActor(e.user), 'confirm', {
      note: '确认入库意愿，数据属实。',
    });
    if (e.stage === 'admission') return;
    await this.step(cc, 'ADMIT', coordinator, 'admit', {
      leadCluster: e.nomination.cluster,
      commissioner: 'commissioner',
      districtLiaison: 'district-500112',
    });
    if (e.stage === 'diagnosis') return;
    await this.step(cc, 'DIAGNOSE', demoActor('commissioner'), 'submit', {
      portrait: DEMO_PORTRAIT,
      problems: DEMO_PROBLEMS,
    });
    const quarter = reportingQuarterAt(new Date());
    await this.lifecycles.tickQuarter(cc, { quarter, dispatchId: 'demo-seed' });
    await this.step(cc, 'QUARTERLY_REPORT', demoActor(e.user), 'submit', {
      quarter,
      revenue: 26_000_000,
      rdExpense: 2_100_000,
      headcount: 186,
      newClassOneIp: 1,
      financing: 0,
      listingProgress: 'preparing',
    });
    if (e.stage === 'supporting') {
      await this.step(cc, 'QUARTERLY_REVIEW', demoActor('industry-t2'), 'continue', {
        comment: '经营稳定，继续帮扶。',
      });
      await this.whistle(cc, demoActor(e.user));
      return;
    }
    await this.step(cc, 'QUARTERLY_REVIEW', demoActor('industry-t2'), 'recommend_graduation', {
      comment: '营业收入已实现倍增，建议毕业。',
    });
    await this.step(cc, 'GRADUATION_REVIEW', coordinator, 'graduate', { reason: 'doubled' });
  }

  /**
   * The enterprise's open task of a type made `days` days overdue in the inbox. Only the read model
   * moves: the workflow's reminder and escalation timers keep the deadline it gave the task.
   */
  private async makeOverdue(creditCode: string, type: TaskType, days: number): Promise<void> {
    const task = (await this.taskRows.openOf(creditCode)).find((x) => x.type === type);
    if (!task) throw new Error(`demo seed: no ${type} task of ${creditCode} to make overdue`);
    await this.taskRows.backdate(task.id, backdateBy(task.dueAt, new Date(), days));
  }

  /** The member blows the whistle on its SME-division problem, as from its home page. */
  private async whistle(creditCode: string, enterprise: Actor) {
    const { context } = await this.lifecycles.state(creditCode);
    const problem = context?.problems.find((p) => p.ownerDepartment === DEMO_WHISTLE.ownerDepartment);
    if (!problem) throw new Error(`demo seed: no ${DEMO_WHISTLE.ownerDepartment} problem for ${creditCode}`);
    await this.whistles.blow(enterprise, creditCode, {
      problemId: problem.id,
      title: DEMO_WHISTLE.title,
      description: DEMO_WHISTLE.description,
    });
  }

  /** Completes the enterprise's open task of a type, waiting briefly for it to reach the inbox. */
  private async step(
    creditCode: string,
    type: TaskType,
    actor: Actor,
    outcome: string,
    data: Record<string, unknown>,
  ) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const task = (await this.taskRows.openOf(creditCode)).find((x) => x.type === type);
      if (task) return this.tasks.complete(actor, task.id, { outcome, data });
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`demo seed: no ${type} task for ${creditCode}`);
  }
}
