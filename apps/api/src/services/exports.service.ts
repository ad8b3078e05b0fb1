import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  Actor,
  findDistrict,
  PROBLEM_CATEGORIES,
  PROBLEM_STATUSES,
  PROBLEM_MEASURES_LABEL,
  PROBLEM_OWNER_LABEL,
  PROBLEM_TARGET_LABEL,
  responsibleDepartment,
  RuleViolation,
  shanghaiDate,
  shanghaiTime,
  SPECIAL_HANDLING,
  STAGE_LABELS,
  Stage,
  t,
  visibleHandling,
} from '@hardtech/domain';
import {
  ClustersRepository,
  EnterpriseFilter,
  MembershipRow,
  ProblemFilter,
  ProblemsRepository,
  ReportsRepository,
  UsersRepository,
} from '@hardtech/persistence';
import { EnterprisesService } from './enterprises.service';
import { Kpi } from './reports.service';

/** An export is one sheet a person reads; past this many rows, filters are the better tool. */
export const MAX_EXPORT_ROWS = 10_000;

interface Column<R> {
  header: string;
  width: number;
  value: (row: R, index: number) => ExcelJS.CellValue;
  /** Excel number format, e.g. '0.00' for 万元. */
  numFmt?: string;
}

const optionLabel = (options: { value: string; label: { zh: string } }[], value: string | null) =>
  options.find((o) => o.value === value)?.label.zh ?? value ?? '';
const districtName = (code: string) => findDistrict(code)?.name ?? code;
/** Money is integer yuan in the system; sheets for people show 万元 with two decimals. */
const tenThousand = (yuan: number | null) => (yuan === null ? null : Math.round(yuan / 100) / 100);
const WAN = '0.00';

const RATIO = '0.0000';

/**
 * The .xlsx exports, Chinese headers, within the caller's scope: 化解问题台账, the pool list
 * (帮扶库企业名单) and the KPI tables. Built with exceljs like the nomination import template.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly problems: ProblemsRepository,
    private readonly reports: ReportsRepository,
    private readonly clusters: ClustersRepository,
    private readonly enterprises: EnterprisesService,
    private readonly users: UsersRepository,
  ) {}

  async problemLedger(actor: Actor, filter: Omit<ProblemFilter, 'page' | 'pageSize'>): Promise<Buffer> {
    const items = await allRows((page) => this.problems.list(actor, { ...filter, ...page }));
    const [cluster, divisionOf] = await Promise.all([this.clusterNames(), this.clusters.divisions()]);
    const wb = new ExcelJS.Workbook();
    addSheet(wb, '化解问题台账', items, [
      { header: '序号', width: 6, value: (_, i) => i + 1 },
      { header: '企业名称', width: 28, value: (r) => r.enterpriseName },
      { header: '统一社会信用代码', width: 22, value: (r) => r.problem.creditCode },
      { header: '所在区县', width: 12, value: (r) => districtName(r.problem.district) },
      { header: '产业集群', width: 18, value: (r) => cluster(r.problem.cluster) },
      { header: '问题', width: 30, value: (r) => r.problem.title },
      { header: '问题类别', width: 14, value: (r) => optionLabel(PROBLEM_CATEGORIES, r.problem.category) },
      { header: PROBLEM_MEASURES_LABEL.zh, width: 36, value: (r) => r.problem.measures },
      { header: PROBLEM_TARGET_LABEL.zh, width: 24, value: (r) => r.problem.target },
      {
        header: PROBLEM_OWNER_LABEL.zh,
        width: 16,
        // 各行业处室牵头: the industry side by the division of the problem's lead cluster.
        value: (r) => responsibleDepartment(r.problem.ownerDepartment, divisionOf(r.problem.cluster)).zh,
      },
      { header: '完成时限', width: 12, value: (r) => r.problem.dueAt },
      { header: '状态', width: 10, value: (r) => optionLabel(PROBLEM_STATUSES, r.problem.status) },
      {
        header: '特殊处理',
        width: 12,
        value: (r) => optionLabel(SPECIAL_HANDLING, visibleHandling(actor.role, r.problem.special)),
      },
      { header: '更新时间', width: 18, value: (r) => shanghaiTime(r.problem.updatedAt) },
    ]);
    return toBuffer(wb);
  }

  /** 帮扶库企业名单: the members today (inPoolOn), with 三年倍增 as of their latest quarterly report. */
  async poolList(actor: Actor): Promise<Buffer> {
    const rows = await this.reports.memberships(actor, shanghaiDate(new Date()));
    if (rows.length > MAX_EXPORT_ROWS) throw tooMany(rows.length);
    const cluster = await this.clusterNames();
    // People by name, as the enterprise page shows them; the username of one who is gone.
    const names = await this.users.displayNames(
      rows.flatMap((r) => [r.commissioner, r.districtLiaison]).filter((u) => u !== null),
    );
    const person = (username: string | null) => (username ? (names.get(username) ?? username) : null);
    const wb = new ExcelJS.Workbook();
    addSheet(wb, '帮扶库企业名单', rows, [
      { header: '序号', width: 6, value: (_, i) => i + 1 },
      ...this.membershipColumns(cluster),
      { header: '服务专员', width: 14, value: (r) => person(r.commissioner) },
      { header: '区县联络人', width: 14, value: (r) => person(r.districtLiaison) },
    ]);
    return toBuffer(wb);
  }

  /**
   * 企业名单: the enterprise list with the same filters (the enterprises behind a dashboard number),
   * with stage, the step each waits on, its handler and due date.
   */
  async enterpriseList(actor: Actor, filter: Omit<EnterpriseFilter, 'page' | 'pageSize'>): Promise<Buffer> {
    const items = await allRows((page) => this.enterprises.list(actor, { ...filter, ...page }));
    const cluster = await this.clusterNames();
    const wb = new ExcelJS.Workbook();
    addSheet(wb, '企业名单', items, [
      { header: '序号', width: 6, value: (_, i) => i + 1 },
      { header: '企业名称', width: 28, value: (r) => r.name },
      { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
      { header: '所在区县', width: 12, value: (r) => districtName(r.district) },
      { header: '产业集群', width: 18, value: (r) => cluster(r.leadCluster ?? r.cluster) },
      { header: '阶段', width: 14, value: (r) => STAGE_LABELS[r.stage as Stage]?.zh ?? r.stage },
      { header: '当前环节', width: 20, value: (r) => r.currentStep?.label.zh ?? '' },
      { header: '办理人', width: 18, value: (r) => r.currentStep?.handler.zh ?? '' },
      {
        header: '办理时限',
        width: 18,
        value: (r) => (r.currentStep ? shanghaiTime(r.currentStep.dueAt) : ''),
      },
      {
        header: '是否逾期',
        width: 10,
        value: (r) => (r.currentStep ? (r.currentStep.overdue ? '是' : '否') : ''),
      },
      { header: '待办任务数', width: 12, value: (r) => r.currentStep?.openTasks ?? 0 },
    ]);
    return toBuffer(wb);
  }

  /** The KPI of GET /api/reports/kpi as tables, one sheet each. */
  async kpiTables(kpi: Kpi): Promise<Buffer> {
    const cluster = await this.clusterNames();
    const wb = new ExcelJS.Workbook();
    // The capacity and the target are the city's: a narrower scope reads them beside the city's counts.
    const cityRow = (label: string, n: number | undefined): [string, ExcelJS.CellValue][] =>
      n === undefined ? [] : [[label, n]];
    const overview: [string, ExcelJS.CellValue][] = [
      ['年度', kpi.year],
      ['统计日期', kpi.asOf],
      ['在库企业数（家）', kpi.poolSize],
      ...cityRow('全市在库企业数（家）', kpi.city?.poolSize),
      ['入库容量（家）', kpi.poolCapacity],
      ['本年入库企业数（家）', kpi.admittedThisYear],
      ...cityRow('全市本年入库企业数（家）', kpi.city?.admittedThisYear),
      ['年度目标（家）', kpi.annualTarget],
      [kpi.city ? '全市目标完成率' : '目标完成率', (kpi.city ?? kpi).targetProgress],
      ['倍增统计企业数（家）', kpi.revenueDoubling.members],
      ['已报送季度数据（家）', kpi.revenueDoubling.reporting],
      ['达到倍增进度（家）', kpi.revenueDoubling.onTrack],
      ['已实现倍增（家）', kpi.revenueDoubling.doubled],
      ['问题总数（个）', kpi.problems.total],
      ['逾期未化解问题（个）', kpi.problems.overdue],
      ['逾期任务（件）', kpi.overdueTasks.total],
      ['本年毕业（家）', kpi.endings.graduated],
      ['本年移出（家）', kpi.endings.exited],
      ['本年未入库（家）', kpi.endings.rejected],
    ];
    addSheet(wb, '总览', overview, [
      { header: '指标', width: 26, value: (r) => r[0] },
      { header: '数值', width: 14, value: (r) => r[1] },
    ]);
    addSheet(wb, '在库企业数变化', kpi.poolOverTime, [
      { header: '月份', width: 10, value: (r) => r.month },
      { header: '在库企业数（家）', width: 18, value: (r) => r.members },
    ]);
    addSheet(wb, '三年倍增（按批次）', kpi.revenueDoubling.cohorts, [
      { header: '入库年度', width: 10, value: (r) => r.cohort },
      { header: '企业数（家）', width: 14, value: (r) => r.members },
      { header: '已报送（家）', width: 14, value: (r) => r.reporting },
      { header: '达到倍增进度（家）', width: 18, value: (r) => r.onTrack },
      { header: '已实现倍增（家）', width: 16, value: (r) => r.doubled },
      { header: '平均增长倍数', width: 14, value: (r) => r.averageGrowth, numFmt: RATIO },
    ]);
    addSheet(wb, '三年倍增（按企业）', kpi.revenueDoubling.enterprises, [
      { header: '入库年度', width: 10, value: (r) => r.cohort },
      ...this.membershipColumns(cluster),
      { header: '移出日期', width: 12, value: (r) => r.leftOn },
    ]);
    addSheet(
      wb,
      '问题台账统计',
      [
        ...kpi.problems.byCategory.map((r) => ['问题类别', r.label.zh, r.n] as const),
        ...kpi.problems.byStatus.map((r) => ['状态', r.label.zh, r.n] as const),
        ...kpi.problems.byOwner.map((r) => ['责任部门', r.label.zh, r.n] as const),
      ],
      [
        { header: '统计维度', width: 12, value: (r) => r[0] },
        { header: '分类', width: 20, value: (r) => r[1] },
        { header: '问题数（个）', width: 14, value: (r) => r[2] },
      ],
    );
    addSheet(
      wb,
      '逾期任务',
      [
        ...kpi.overdueTasks.byDepartment.map((r) => ['责任部门', r.label.zh, r.n] as const),
        ...kpi.overdueTasks.byDistrict.map((r) => ['区县', r.label.zh, r.n] as const),
      ],
      [
        { header: '统计维度', width: 12, value: (r) => r[0] },
        { header: '分类', width: 20, value: (r) => r[1] },
        { header: '逾期任务（件）', width: 14, value: (r) => r[2] },
      ],
    );
    addSheet(wb, '毕业和移出', kpi.endings.byReason, [
      { header: '结果', width: 10, value: (r) => r.stageLabel.zh },
      { header: '原因', width: 20, value: (r) => r.reasonLabel?.zh ?? '' },
      { header: '企业数（家）', width: 14, value: (r) => r.n },
    ]);
    return toBuffer(wb);
  }

  private membershipColumns(cluster: (code: string) => string): Column<MembershipRow>[] {
    return [
      { header: '企业名称', width: 28, value: (r) => r.name },
      { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
      { header: '所在区县', width: 12, value: (r) => districtName(r.district) },
      { header: '牵头产业集群', width: 18, value: (r) => cluster(r.cluster) },
      { header: '阶段', width: 12, value: (r) => STAGE_LABELS[r.stage as Stage]?.zh ?? r.stage },
      { header: '入库日期', width: 12, value: (r) => r.admittedOn },
      {
        header: '基期营业收入（万元）',
        width: 20,
        value: (r) => tenThousand(r.baselineRevenue),
        numFmt: WAN,
      },
      { header: '最新季度', width: 10, value: (r) => r.quarter },
      {
        header: '年化营业收入（万元）',
        width: 20,
        value: (r) => tenThousand(r.annualizedRevenue),
        numFmt: WAN,
      },
      { header: '增长倍数', width: 10, value: (r) => r.growth, numFmt: RATIO },
      { header: '应达倍数', width: 10, value: (r) => r.expected, numFmt: RATIO },
      {
        header: '是否达到倍增进度',
        width: 16,
        value: (r) => (r.onTrack === null ? '' : r.onTrack ? '是' : '否'),
      },
    ];
  }

  private async clusterNames(): Promise<(code: string) => string> {
    const names = new Map((await this.clusters.list()).map((c) => [c.code, c.name]));
    return (code) => names.get(code) ?? code;
  }
}

function addSheet<R>(wb: ExcelJS.Workbook, name: string, rows: readonly R[], columns: Column<R>[]): void {
  const sheet = wb.addWorksheet(name);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  rows.forEach((row, i) => sheet.addRow(columns.map((c) => c.value(row, i) ?? null)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.creator = '中小型硬科技企业帮扶库';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A list's rows as one page, refused past MAX_EXPORT_ROWS. */
async function allRows<T>(
  list: (page: { page: number; pageSize: number }) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const { items, total } = await list({ page: 1, pageSize: MAX_EXPORT_ROWS });
  if (total > MAX_EXPORT_ROWS) throw tooMany(total);
  return items;
}

function tooMany(total: number): RuleViolation {
  return new RuleViolation(
    'EXPORT_TOO_LARGE',
    t(
      `导出行数 ${total} 超过上限 ${MAX_EXPORT_ROWS}，请缩小筛选范围`,
      `${total} rows exceed the export limit of ${MAX_EXPORT_ROWS}: narrow the filters`,
    ),
  );
}
