import { sampleNomination } from '../samples';
import { personDepartment } from '../departments';
import { Person } from './case-file';
import { stepOutcomeLabel } from '../visibility/step-outcomes';
import { buildCaseFile, CaseFacts, CaseNames, CompletedStep, confirmedLabel } from './case-file';
import { opinionText } from './opinion-text';

const nomination = sampleNomination({ revenuePrevYear: 50_000_000, rdExpensePrevYear: 4_000_000 });
const facts: CaseFacts = {
  nomination,
  stage: 'feedback',
  lifecycleNo: 1,
  screening: {
    policyVersion: 3,
    criteria: [{ id: 'C2', kind: 'judgment', outcome: 'judgment', detail: '需人工判断', detailEn: 'judge' }],
  },
  leadCluster: null,
  commissioner: null,
  districtLiaison: null,
  baselineRevenue: null,
};
const PEOPLE: Record<string, Person> = {
  coord: {
    displayName: '张统筹',
    role: 'city_coordinator',
    department: personDepartment('city_coordinator', {}),
  },
  dist: {
    displayName: '李区县',
    role: 'district_officer',
    department: personDepartment('district_officer', { districts: ['500112'] }),
  },
  ent: {
    displayName: '王企业',
    role: 'enterprise_user',
    department: personDepartment('enterprise_user', {}),
  },
};
const names: CaseNames = {
  district: (code) => (code === '500112' ? '渝北区' : null),
  cluster: (code) => (code === 'T2' ? '集成电路' : null),
  person: (u) => PEOPLE[u] ?? null,
};
const screen: CompletedStep = {
  taskId: 't1',
  taskType: 'SCREEN',
  outcome: 'pass',
  data: { judgments: { C2: { affirmed: true, note: '技术壁垒高' } }, note: '建议入库' },
  actor: 'coord',
  at: '2026-12-01T02:00:00.000Z',
};
const feedback: CompletedStep = {
  taskId: 't2',
  taskType: 'DISTRICT_FEEDBACK',
  outcome: 'support',
  data: { opinion: '同意推荐' },
  actor: 'dist',
  at: '2026-12-02T02:00:00.000Z',
};
const confirm: CompletedStep = {
  taskId: 't3',
  taskType: 'ENTERPRISE_CONFIRM',
  outcome: 'confirm',
  data: { note: '数据属实' },
  actor: 'ent',
  at: '2026-12-03T02:00:00.000Z',
};
const certificate = {
  id: 'a1',
  fileName: '证书.pdf',
  purpose: 'C3' as const,
  subject: 'nomination' as const,
  size: 10,
  uploadedBy: 'dist',
  uploadedAt: '2026-11-30T00:00:00.000Z',
};

describe('buildCaseFile', () => {
  it('gives an officer the nomination with names, the criteria and every opinion oldest first, by name and department', () => {
    const file = buildCaseFile('district_officer', facts, [confirm, feedback, screen], [certificate], names);
    expect(file.enterprise).toMatchObject({
      creditCode: nomination.creditCode,
      revenuePrevYear: 50_000_000,
      districtName: '渝北区',
      clusterName: '集成电路',
      rdIntensity: 0.08,
      stage: 'feedback',
      lifecycleNo: 1,
      leadCluster: null,
      commissionerName: null,
    });
    expect(file.screening).toEqual({
      policyVersion: 3,
      criteria: [{ ...facts.screening!.criteria[0], confirmed: { note: '技术壁垒高' } }],
    });
    expect(file.opinions.map((o) => o.taskId)).toEqual(['t1', 't2', 't3']);
    expect(file.opinions[0]).toEqual({
      ...screen,
      opinion: 'C2：技术壁垒高；筛选意见：建议入库',
      actorName: '张统筹',
      actorDepartment: { zh: '科技处（统筹）', en: 'City coordinator' },
      onBehalfOf: null,
    });
    expect(file.opinions[1].actorDepartment?.zh).toBe('渝北区经信部门');
    expect(file.attachments).toEqual([{ ...certificate, uploadedByName: '李区县' }]);
  });

  describe('the criteria after the screening’s decision', () => {
    const c1 = {
      id: 'C1' as const,
      kind: 'soft' as const,
      outcome: 'fail' as const,
      detail: '营收超限',
      detailEn: '',
    };
    const s2 = {
      id: 'S2' as const,
      kind: 'soft' as const,
      outcome: 'pass' as const,
      detail: '专精特新',
      detailEn: '',
    };
    const withSoft: CaseFacts = {
      ...facts,
      screening: { policyVersion: 3, criteria: [...facts.screening!.criteria, c1, s2] },
    };
    const passed = { ...screen, data: { ...screen.data, justifications: { C1: '产值高但仍属中小型' } } };
    const confirmed = (file: ReturnType<typeof buildCaseFile>) =>
      file.screening?.criteria.map((c) => [c.id, c.confirmed, confirmedLabel(c)?.zh ?? null]);

    it('reads 需人工研判 until the coordinator decides', () => {
      expect(confirmed(buildCaseFile('city_coordinator', withSoft, [], [], names))).toEqual([
        ['C2', null, null],
        ['C1', null, null],
        ['S2', null, null],
      ]);
    });

    it('shows each judgment confirmed and each accepted failure with its note once passed', () => {
      expect(confirmed(buildCaseFile('city_coordinator', withSoft, [passed, feedback], [], names))).toEqual([
        ['C2', { note: '技术壁垒高' }, '已确认'],
        ['C1', { note: '产值高但仍属中小型' }, '已说明，准予通过'],
        ['S2', null, null],
      ]);
    });

    it('keeps the notes from a department, which may not read deliberations, and confirms nothing on a refusal', () => {
      expect(confirmed(buildCaseFile('sme_officer', withSoft, [passed], [], names))).toEqual([
        ['C2', { note: null }, '已确认'],
        ['C1', { note: null }, '已说明，准予通过'],
        ['S2', null, null],
      ]);
      const refused = { ...screen, outcome: 'reject', data: { reason: '不符合' } };
      expect(confirmed(buildCaseFile('city_coordinator', withSoft, [refused], [], names))?.[0]).toEqual([
        'C2',
        null,
        null,
      ]);
    });
  });

  it('names a step a proxy did for its principal 王五（代 张三）, to officers only (委托代理)', () => {
    const byProxy = { ...feedback, onBehalfOf: 'coord' };
    const officers = buildCaseFile('city_coordinator', facts, [byProxy], [], names);
    expect(officers.opinions[0]).toMatchObject({ onBehalfOf: 'coord', actorName: '李区县（代 张统筹）' });
    const enterprise = buildCaseFile('enterprise_user', facts, [byProxy], [], names);
    expect(enterprise.opinions[0]).toMatchObject({ actor: null, actorName: null, onBehalfOf: null });
  });

  it("gives the enterprise its own steps whole and no officer's opinion, name, criteria or uploader", () => {
    const file = buildCaseFile('enterprise_user', facts, [screen, feedback, confirm], [certificate], names);
    expect(file.screening).toBeNull();
    expect(file.opinions[0]).toMatchObject({ taskType: 'SCREEN', outcome: 'pass', opinion: null, data: {} });
    expect(file.opinions[1]).toMatchObject({ actor: null, actorName: null, actorDepartment: null });
    expect(file.opinions[2]).toMatchObject({ opinion: '数据属实', actor: 'ent', actorName: '王企业' });
    expect(JSON.stringify(file)).not.toMatch(/技术壁垒高|建议入库|同意推荐|张统筹|李区县/);
    expect(file.attachments[0]).toMatchObject({ uploadedBy: null, uploadedByName: null });
  });

  it('lists a 退回 with who sent it back and why to officers; to the enterprise only that the step was done', () => {
    const returned: CompletedStep = {
      taskId: 't4',
      taskType: 'ADMIT',
      outcome: 'returned',
      data: { reason: '研发投入数据需再核实' },
      actor: 'coord',
      at: '2026-12-04T02:00:00.000Z',
    };
    const officers = buildCaseFile('city_coordinator', facts, [returned, screen], [], names);
    expect(officers.opinions[1]).toMatchObject({
      taskType: 'ADMIT',
      outcome: 'returned',
      opinion: '研发投入数据需再核实',
      actor: 'coord',
      actorName: '张统筹',
      at: '2026-12-04T02:00:00.000Z',
    });
    expect(stepOutcomeLabel('ADMIT', 'returned')).toEqual({ zh: '退回', en: 'Sent back' });
    expect(stepOutcomeLabel('SCREEN', 'pass')?.zh).toBe('通过筛选');
    const enterprise = buildCaseFile('enterprise_user', facts, [returned], [], names);
    // An officer's step sent back to another officer's is their business: the enterprise reads 已办理.
    expect(enterprise.opinions[0]).toMatchObject({
      outcome: 'done',
      opinion: null,
      actor: null,
      actorName: null,
    });
    expect(JSON.stringify(enterprise)).not.toMatch(/张统筹|coord/);
  });

  it('names the assignments once admitted', () => {
    const admitted = { ...facts, leadCluster: 'T2', commissioner: 'coord', districtLiaison: 'dist' };
    expect(buildCaseFile('leader', admitted, [], [], names).enterprise).toMatchObject({
      leadClusterName: '集成电路',
      commissionerName: '张统筹',
      districtLiaisonName: '李区县',
    });
  });
});

describe('opinionText', () => {
  it('reads an enumerated reason by its label and free text as written', () => {
    expect(opinionText('GRADUATION_REVIEW', 'exit', { reason: 'relocated', note: '已迁出' })).toBe(
      '迁出本市；已迁出',
    );
    expect(opinionText('ADMIT', 'reject', { reason: '不符合条件' })).toBe('不符合条件');
    expect(opinionText('DISTRICT_FEEDBACK', 'support', {})).toBeNull();
  });

  it('names the free text after criterion notes, not when it stands alone', () => {
    const judgments = { C6: { confirmed: true, note: '产品已量产' } };
    expect(opinionText('SCREEN', 'pass', { judgments, note: '经核实，符合条件' })).toBe(
      'C6：产品已量产；筛选意见：经核实，符合条件',
    );
    expect(opinionText('SCREEN', 'pass', { note: '经核实，符合条件' })).toBe('经核实，符合条件');
  });
});
