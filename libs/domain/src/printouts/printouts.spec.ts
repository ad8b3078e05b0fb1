import { buildCaseFile, CaseFacts, CaseNames, CompletedStep } from '../case-file';
import { personDepartment } from '../departments';
import { sampleNomination } from '../samples';
import { RETURNED_OUTCOME } from '../approval-actions/return';
import { approvalSheet, approvalSheetNo, SheetTask } from './approval-sheet';
import { dossier, DossierFacts } from './dossier';
import { yuanText } from './print-format';
import type { Printout } from './printout';

const facts: CaseFacts = {
  nomination: sampleNomination({ revenuePrevYear: 52_345_678, rdExpensePrevYear: 4_000_000 }),
  stage: 'supporting',
  lifecycleNo: 1,
  screening: {
    policyVersion: 3,
    criteria: [{ id: 'C4', kind: 'hard', outcome: 'pass', detail: '研发投入强度 7.64%', detailEn: '' }],
  },
  leadCluster: 'T2',
  commissioner: 'comm',
  districtLiaison: 'liaison',
  baselineRevenue: 52_345_678,
};
const names: CaseNames = {
  district: () => '渝北区',
  cluster: () => '集成电路',
  person: (u) =>
    u === 'dist'
      ? {
          displayName: '李区县',
          role: 'district_officer',
          department: personDepartment('district_officer', { districts: ['500112'] }),
        }
      : { displayName: '王专员', role: 'commissioner', department: personDepartment('commissioner', {}) },
};
const feedback: CompletedStep = {
  taskId: 't2',
  taskType: 'DISTRICT_FEEDBACK',
  outcome: 'support',
  data: { opinion: '同意推荐' },
  actor: 'dist',
  at: '2026-12-02T02:00:00.000Z',
};
const task: SheetTask = {
  id: 't2',
  sheetYear: 2026,
  sheetNo: 128,
  type: 'DISTRICT_FEEDBACK',
  status: 'done',
  stage: 'feedback',
  createdAt: '2026-12-01T02:00:00.000Z',
  dueAt: '2026-12-11T02:00:00.000Z',
  outcome: 'support',
  completedAt: feedback.at,
};
const printed = (p: Printout) =>
  JSON.stringify([p.title, p.subtitle, p.sections.map((s) => [s.heading, s.fields, s.table?.rows, s.empty])]);

describe('yuanText', () => {
  it.each([
    [52_345_678, '5,234.5678 万元'],
    [100_000_000, '1 亿元'],
    [0, '0 万元'],
    [null, '—'],
  ])('%s yuan reads %s', (yuan, text) => expect(yuanText(yuan)).toBe(text));
});

describe('approvalSheet', () => {
  it('prints a done task with its outcome, opinion and author by name and department, in words', () => {
    const file = buildCaseFile('city_coordinator', facts, [feedback], [], names);
    const sheet = approvalSheet(task, file, '2026-12-05T02:00:00.000Z');
    expect(sheet.title).toBe('中小型硬科技企业帮扶库 审批单');
    expect(sheet.sections[0].fields).toEqual(
      expect.arrayContaining([
        { label: '事项', value: '区县反馈意见' },
        { label: '办理结果', value: '同意' },
        { label: '办理意见', value: '同意推荐' },
        { label: '办理人', value: '李区县\n渝北区经信部门' },
      ]),
    );
    const text = printed(sheet);
    for (const words of ['5,234.5678 万元', '集成电路', '王专员', '研发投入强度不低于5%', '符合']) {
      expect(text).toContain(words);
    }
    for (const code of [
      'DISTRICT_FEEDBACK',
      'support',
      'enterprise_tech_center',
      'supporting',
      'undefined',
    ]) {
      expect(text).not.toContain(code);
    }
  });

  it('numbers the sheet as an official writes a document number, not by the task’s uuid', () => {
    const file = buildCaseFile('city_coordinator', facts, [feedback], [], names);
    const id = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';
    const sheet = approvalSheet({ ...task, id }, file, '2026-12-05T02:00:00.000Z');
    expect(sheet.subtitle).toBe('编号 渝硬科审〔2026〕128号 · 打印时间 2026-12-05 10:00');
    expect(printed(sheet)).not.toContain(id);
    // The year the database numbered it in (Beijing time, task-sheet-no.test): numbers start again each year.
    expect(approvalSheetNo({ sheetYear: 2027, sheetNo: 1 })).toBe('渝硬科审〔2027〕1号');
  });

  it('prints clusters by name as the screens do, and says whose stage each stage is', () => {
    const file = buildCaseFile('city_coordinator', facts, [feedback], [], names);
    const sheet = approvalSheet(task, file, '2026-12-05T02:00:00.000Z');
    const fields = sheet.sections.flatMap((s) => s.fields ?? []);
    const value = (label: string) => fields.filter((f) => f.label === label).map((f) => f.value);
    expect(value('所属产业集群')).toEqual(['集成电路']);
    expect(value('牵头产业集群')).toEqual(['集成电路']);
    // 本环节所属阶段 is where this step belongs (区县和企业反馈), 企业当前阶段 where the enterprise is now.
    expect(value('本环节所属阶段')).toEqual(['区县和企业反馈']);
    expect(value('企业当前阶段')).toEqual(['帮扶中']);
    expect(fields.map((f) => f.label)).not.toEqual(expect.arrayContaining(['所处阶段']));
    expect(fields.map((f) => f.label)).not.toEqual(expect.arrayContaining(['当前阶段']));
  });

  it('prints the 加签 asked on the task, a proxy’s as 王五（代 张三）, and no section when none was', () => {
    const file = buildCaseFile('city_coordinator', facts, [feedback], [], names);
    const round = {
      requestedBy: 'wang',
      requestedByName: '王五（代 李区县）',
      users: ['coord'],
      userNames: ['科技处 刘科长'],
      mode: 'all' as const,
      note: '请会签',
      at: '2026-12-01T03:00:00.000Z',
    };
    const sheet = approvalSheet({ ...task, countersigns: [round] }, file, '2026-12-05T02:00:00.000Z');
    const section = sheet.sections.find((s) => s.heading === '加签');
    expect(section?.table?.rows).toEqual([
      ['王五（代 李区县）', '科技处 刘科长', '会签', '请会签', '2026-12-01 11:00'],
    ]);
    const none = approvalSheet(task, file, '2026-12-05T02:00:00.000Z');
    expect(none.sections.map((s) => s.heading)).not.toContain('加签');
  });

  it('prints a step sent back (退回) as 已退回, with the reason and who sent it back', () => {
    const returned = { ...feedback, outcome: RETURNED_OUTCOME, data: { reason: '意见不完整' } };
    const file = buildCaseFile('city_coordinator', facts, [returned], [], names);
    const sheet = approvalSheet(
      { ...task, status: 'cancelled', outcome: RETURNED_OUTCOME },
      file,
      '2026-12-05T02:00:00.000Z',
    );
    expect(sheet.sections[0].fields).toEqual(
      expect.arrayContaining([
        { label: '状态', value: '已退回' },
        { label: '办理结果', value: '退回' },
        { label: '办理人', value: '李区县\n渝北区经信部门' },
      ]),
    );
  });

  it('prints no author, opinion or criteria for the enterprise, only what its case file holds', () => {
    const file = buildCaseFile('enterprise_user', facts, [feedback], [], names);
    const text = printed(approvalSheet(task, file, '2026-12-05T02:00:00.000Z'));
    expect(text).not.toContain('同意推荐');
    expect(text).not.toContain('李区县');
    expect(text).not.toContain('入库条件筛选');
    expect(text).toContain(facts.nomination.name);
  });
});

describe('dossier', () => {
  const enterprisePage: DossierFacts = {
    diagnosis: { portrait: { management: { score: 4, note: '管理规范' } }, at: '2026-12-03T02:00:00.000Z' },
    problems: [
      {
        title: '融资难',
        category: 'policy_support',
        measures: '对接银行',
        ownerDepartment: 'finance',
        dueAt: '2027-03-31',
        status: 'in_progress',
      },
    ],
    quarterlyReports: [
      {
        quarter: '2026Q4',
        revenue: 15_000_000,
        rdExpense: 1_200_000,
        headcount: 80,
        newClassOneIp: 1,
        financing: 0,
        listingProgress: 'preparing',
        doubling: { growth: 1.3 },
      },
    ],
    membership: [{ from: '2026-12-04', to: null, reason: null, lifecycleNo: 1 }],
  };

  it('prints the ledger, the quarters, the diagnosis and the membership in words', () => {
    const file = buildCaseFile('city_coordinator', facts, [feedback], [], names);
    const text = printed(dossier(file, enterprisePage, '2026-12-05T02:00:00.000Z'));
    for (const words of [
      '一企一档',
      '管理体制',
      '管理规范',
      '政策保障问题',
      '产业金融处',
      '化解中',
      '筹备中',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain('1,500 万元');
    // Revenue at 1.3 times the baseline, as the screens say it; "130.00%" read as grown by 130%.
    expect(text).toContain('1.30 倍');
    expect(text).not.toContain('130.00%');
    expect(text).toContain('在库');
  });

  it('prints no portrait when the reader has none (the enterprise, the departments)', () => {
    const file = buildCaseFile('enterprise_user', facts, [], [], names);
    const text = printed(
      dossier(file, { ...enterprisePage, diagnosis: { at: null } }, '2026-12-05T02:00:00.000Z'),
    );
    expect(text).not.toContain('管理规范');
    expect(text).toContain('暂无诊断');
  });
});
