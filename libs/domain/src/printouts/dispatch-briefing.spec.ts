import { t } from '../text';
import { briefingFileName } from './briefing-name';
import { BRIEFING_TITLE, dispatchBriefing, DispatchBriefingFacts, quarterSpan } from './dispatch-briefing';

const member = (
  name: string,
  district: string,
  admittedOn: string,
  onTrack: boolean | null,
  leftOn: string | null = null,
) => ({
  name,
  district,
  admittedOn,
  leftOn,
  quarter: onTrack === null ? null : '2026Q3',
  growth: onTrack === null ? null : onTrack ? 1.5 : 1.05,
  expected: onTrack === null ? null : 1.26,
  onTrack,
});

const facts: DispatchBriefingFacts = {
  quarter: '2026Q4',
  asOf: '2026-12-05',
  year: 2026,
  poolSize: 3,
  poolCapacity: 200,
  admittedThisYear: 3,
  annualTarget: 50,
  doubling: { members: 4, reporting: 3, onTrack: 1, doubled: 0 },
  members: [
    member('甲科技', '500230', '2025-03-10', true),
    member('乙科技', '500230', '2026-02-15', false),
    member('丙科技', '500237', '2026-04-01', null),
    member('丁科技', '500237', '2025-01-01', false, '2026-05-20'),
  ],
  // 乙 and 丙 this year; 戊 was admitted in March and left in June.
  admissions: [{ district: '500230' }, { district: '500237' }, { district: '500237' }],
  problems: {
    total: 5,
    overdue: 1,
    byCategory: [{ label: t('政策支持', 'Policy'), n: 5 }],
    byOwner: [{ label: t('产业金融处', 'Finance'), n: 5, overdue: 1 }],
  },
  overdueProblems: [
    {
      enterpriseName: '乙科技',
      district: '500230',
      title: '融资难',
      category: t('政策支持', 'Policy'),
      owner: t('产业金融处', 'Finance'),
      dueAt: '2026-10-31',
    },
  ],
  whistles: [
    { enterpriseName: '甲科技', district: '500230', owner: null, status: 'open', raisedOn: '2026-11-02' },
  ],
  escalations: [{ type: 'WHISTLE_RESPONSE', n: 2 }],
  overdueTasks: [
    {
      enterpriseName: '乙科技',
      district: '500230',
      taskType: 'QUARTERLY_REPORT',
      department: t('企业', 'Enterprise'),
      holder: null,
      dueAt: '2026-11-30T09:00:00.000Z',
    },
    {
      enterpriseName: '甲科技',
      district: '500230',
      taskType: 'WHISTLE_RESPONSE',
      department: t('产业金融处', 'Industrial finance division'),
      holder: '王五',
      dueAt: '2026-12-05T06:00:00.000Z',
    },
  ],
  readAt: '2026-12-05T10:30:00.000Z',
};

const section = (heading: string) =>
  dispatchBriefing(facts).sections.find((s) => s.heading.startsWith(heading))!;

describe('quarterSpan', () => {
  it('gives a quarter its year and first and last days', () => {
    expect(quarterSpan('2026Q4')).toEqual({
      quarter: '2026Q4',
      year: 2026,
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(quarterSpan('2028Q1')).toMatchObject({ from: '2028-01-01', to: '2028-03-31' });
  });

  it('refuses anything that is not YYYYQn', () => {
    for (const bad of ['2026Q5', '2026Q0', '2026-Q4', 'Q4', '26Q4', '']) expect(quarterSpan(bad)).toBeNull();
  });
});

describe('dispatchBriefing (调度会材料)', () => {
  it('is titled for the quarter and states the pool against the annual target', () => {
    const p = dispatchBriefing(facts);
    expect(p.title).toBe('中小型硬科技企业帮扶库 2026Q4 季度调度会材料');
    expect(p.title).toBe(BRIEFING_TITLE('2026Q4'));
    expect(p.subtitle).toContain('2026-10-01 至 2026-12-31');
    expect(briefingFileName('2026Q4')).toBe('调度会材料-2026Q4.docx');
    expect(section('一、').fields).toEqual([
      { label: '在库企业', value: '3家（容量200家）' },
      { label: '2026年新入库', value: '3家，年度目标50家，完成6.00%' },
    ]);
  });

  it('says the cluster it is narrowed to in its title and file name', () => {
    const cluster = { code: 'T2', name: '先进制造' };
    expect(dispatchBriefing({ ...facts, cluster }).title).toBe(
      '中小型硬科技企业帮扶库 2026Q4 季度调度会材料（先进制造·T2）',
    );
    expect(briefingFileName('2026Q4', cluster)).toBe('调度会材料（先进制造·T2）-2026Q4.docx');
  });

  it('names the current members behind the doubling path, not those who left', () => {
    expect(section('落后于倍增路径的企业').table!.rows).toEqual(
      // Ratios to the baseline, as the screens word them: not 105.00% under 营收增长 (growth of 5%).
      [['乙科技', '500230', '2026Q3', '1.05 倍', '1.26 倍']].map((r) => [
        r[0],
        expect.any(String),
        ...r.slice(2),
      ]),
    );
    expect(section('二、').fields!.find((f) => f.label === '落后于倍增路径')!.value).toBe('1家');
  });

  it('lists the ledger by category and owner with the overdue problems named, enums in words', () => {
    expect(section('按责任部门').table!.rows).toEqual([['产业金融处', '5', '1']]);
    expect(section('逾期问题').table!.rows[0]).toEqual([
      '乙科技',
      expect.any(String),
      '融资难',
      '政策支持',
      '产业金融处',
      '2026-10-31',
    ]);
    expect(section('四、').heading).toContain('1件');
    expect(section('四、').table!.rows[0]).toEqual([
      '甲科技',
      expect.any(String),
      '—',
      '2026-11-02',
      '办理中',
    ]);
    expect(section('五、').table!.rows).toEqual([['企业吹哨·部门报到', '2']]);
  });

  it('names each overdue task: enterprise, step, who holds it, due time (Asia/Shanghai), how late', () => {
    expect(section('逾期未办结事项').heading).toBe('逾期未办结事项（2件）');
    expect(section('逾期未办结事项').table!.rows).toEqual([
      ['乙科技', expect.any(String), '季度报告', '企业（未认领）', '2026-11-30 17:00', '已超期 5 天'],
      [
        '甲科技',
        expect.any(String),
        '企业吹哨·部门报到',
        '产业金融处 / 王五',
        '2026-12-05 14:00',
        '已超期 4 小时',
      ],
    ]);
  });

  it('has a row per district whose members and admissions add up to the totals', () => {
    const rows = section('六、').table!.rows;
    expect(rows).toHaveLength(2);
    const sum = (col: number) => rows.reduce((s, r) => s + Number(r[col]), 0);
    expect([sum(1), sum(2), sum(3), sum(4)]).toEqual([
      facts.poolSize,
      facts.admittedThisYear,
      1,
      facts.problems.overdue,
    ]);
  });

  it('says so when a list is empty', () => {
    const p = dispatchBriefing({
      ...facts,
      overdueProblems: [],
      whistles: [],
      escalations: [],
      overdueTasks: [],
    });
    const s = (h: string) => p.sections.find((x) => x.heading.startsWith(h))!;
    expect([s('逾期问题').table!.rows, s('逾期问题').empty]).toEqual([[], '无逾期问题']);
    expect(s('五、').heading).toContain('0件');
    expect(s('逾期未办结事项').empty).toBe('无逾期未办结事项');
  });
});
