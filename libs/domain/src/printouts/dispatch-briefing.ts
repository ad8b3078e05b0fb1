import { shanghaiTime } from '../calendar';
import { overdueText } from '../overdue';
import { PROBLEM_OWNER_LABEL } from '../ledger';
import { hasStanding, inPoolOn } from '../pool-membership';
import { findDistrict } from '../reference';
import { TASK_LABELS, type TaskType } from '../task-types';
import type { Text } from '../text';
import { type BriefingCluster, briefingClusterSuffix } from './briefing-name';
import { percent, times } from './print-format';
import { type Printout, type PrintSection, tableSection } from './printout';

/** 一季一调度: the quarter as "2026Q4", its year and first/last days (Asia/Shanghai dates). */
export interface QuarterSpan {
  quarter: string;
  year: number;
  from: string;
  to: string;
}

const QUARTER = /^(\d{4})Q([1-4])$/;

/** "2026Q4" → its year and days; null for anything else (the API answers 400). */
export function quarterSpan(quarter: string): QuarterSpan | null {
  const m = QUARTER.exec(quarter);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const first = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const last = new Date(Date.UTC(year, q * 3, 0));
  return { quarter, year, from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** A member as the KPI's 三年倍增 lists it. */
export interface BriefingMember {
  name: string;
  district: string;
  admittedOn: string;
  leftOn: string | null;
  quarter: string | null;
  growth: number | null;
  expected: number | null;
  onTrack: boolean | null;
}

export interface BriefingOverdueProblem {
  enterpriseName: string;
  district: string;
  title: string;
  category: Text;
  owner: Text;
  dueAt: string;
}

/** An open task past its due time (the tasks table's due time), as GET /api/reports/kpi lists it. */
export interface BriefingOverdueTask {
  enterpriseName: string;
  district: string;
  taskType: TaskType;
  department: Text | null;
  /** Who claimed it; null while no one has claimed it (未认领). */
  holder: string | null;
  dueAt: string;
}

/**
 * What 调度会材料 says, all taken from GET /api/reports/kpi of the same day (the pool, admissions,
 * doubling, problem counts) plus the lists behind its numbers — read within the caller's scope and
 * holding no officer's opinion, judgment, score or comment (counts, names, ledger titles only).
 */
export interface DispatchBriefingFacts {
  quarter: string;
  /** The one cluster the pack is narrowed to (the dashboard's `cluster`); null: the whole scope. */
  cluster?: BriefingCluster | null;
  asOf: string;
  poolSize: number;
  poolCapacity: number;
  admittedThisYear: number;
  annualTarget: number;
  year: number;
  doubling: { members: number; reporting: number; onTrack: number; doubled: number };
  /** The members in the pool on `asOf` (the KPI's 三年倍增 list). */
  members: BriefingMember[];
  /** The year's admissions, those who left since included: the per-district admitted column. */
  admissions: { district: string }[];
  problems: {
    total: number;
    overdue: number;
    byCategory: { label: Text; n: number }[];
    byOwner: { label: Text; n: number; overdue: number }[];
  };
  overdueProblems: BriefingOverdueProblem[];
  whistles: {
    enterpriseName: string;
    district: string;
    owner: Text | null;
    status: string;
    raisedOn: string;
  }[];
  escalations: { type: string; n: number }[];
  /** The open tasks past due today (the KPI's overdue tasks, within the same scope). */
  overdueTasks: BriefingOverdueTask[];
  /** When the lists were read: how long each task is overdue is counted to it. */
  readAt: string;
}

export const BRIEFING_TITLE = (quarter: string, cluster?: BriefingCluster | null) =>
  `中小型硬科技企业帮扶库 ${quarter} 季度调度会材料${briefingClusterSuffix(cluster)}`;

const districtName = (code: string) => findDistrict(code)?.name ?? code;
const TASK_STATUS: Record<string, string> = { open: '办理中', done: '已办结', cancelled: '已撤销' };

/** Members in the pool on `asOf` whose latest report is below the path to ×2 in three years. */
export function behindDoublingPath(members: BriefingMember[], asOf: string): BriefingMember[] {
  return members.filter((m) => inPool(m, asOf) && hasStanding(m, 'behind'));
}

const inPool = (m: BriefingMember, asOf: string) => inPoolOn({ from: m.admittedOn, to: m.leftOn }, asOf);

/**
 * 调度会材料 (issue 19 item 2) as sections the Word renderer lays out: the pool against capacity and
 * the annual target, 三年倍增 with the members behind named, the ledger by category and owner with
 * the overdue problems named, the quarter's whistles and escalations, the overdue tasks named (who
 * holds each, how long it is late), and a table per district.
 */
export function dispatchBriefing(f: DispatchBriefingFacts): Printout {
  const behind = behindDoublingPath(f.members, f.asOf);
  const sections: PrintSection[] = [
    {
      heading: '一、帮扶库总体情况',
      fields: [
        { label: '在库企业', value: `${f.poolSize}家（容量${f.poolCapacity}家）` },
        {
          label: `${f.year}年新入库`,
          value: `${f.admittedThisYear}家，年度目标${f.annualTarget}家，完成${
            f.annualTarget > 0 ? percent(f.admittedThisYear / f.annualTarget) : '—'
          }`,
        },
      ],
    },
    {
      heading: '二、三年倍增进展',
      fields: [
        { label: '纳入统计', value: `${f.doubling.members}家，已报送季度数据${f.doubling.reporting}家` },
        { label: '符合倍增路径', value: `${f.doubling.onTrack}家（已倍增${f.doubling.doubled}家）` },
        { label: '落后于倍增路径', value: `${behind.length}家` },
      ],
    },
    tableSection(
      '落后于倍增路径的企业',
      [
        ['企业名称', 4],
        ['所在区县', 2],
        ['最近季度', 2],
        ['营收为基期', 2],
        ['应达', 2],
      ],
      behind.map((m) => [
        m.name,
        districtName(m.district),
        m.quarter ?? '—',
        times(m.growth),
        times(m.expected),
      ]),
      '无',
    ),
    {
      heading: '三、化解问题台账',
      fields: [
        { label: '问题总数', value: `${f.problems.total}个` },
        { label: '逾期未销号', value: `${f.problems.overdue}个` },
      ],
    },
    tableSection(
      '按问题类别',
      [
        ['问题类别', 4],
        ['问题数', 2],
      ],
      f.problems.byCategory.map((r) => [r.label.zh, String(r.n)]),
      '无',
    ),
    tableSection(
      `按${PROBLEM_OWNER_LABEL.zh}`,
      [
        [PROBLEM_OWNER_LABEL.zh, 4],
        ['问题数', 2],
        ['逾期', 2],
      ],
      f.problems.byOwner.map((r) => [r.label.zh, String(r.n), String(r.overdue)]),
      '无',
    ),
    tableSection(
      '逾期问题',
      [
        ['企业名称', 4],
        ['所在区县', 2],
        ['问题', 5],
        ['问题类别', 2],
        [PROBLEM_OWNER_LABEL.zh, 3],
        ['完成时限', 2],
      ],
      f.overdueProblems.map((p) => [
        p.enterpriseName,
        districtName(p.district),
        p.title,
        p.category.zh,
        p.owner.zh,
        p.dueAt,
      ]),
      '无逾期问题',
    ),
    tableSection(
      `四、本季度企业吹哨（${f.whistles.length}件）`,
      [
        ['企业名称', 4],
        ['所在区县', 2],
        ['报到部门', 3],
        ['吹哨日期', 2],
        ['状态', 2],
      ],
      f.whistles.map((w) => [
        w.enterpriseName,
        districtName(w.district),
        w.owner?.zh ?? '—',
        w.raisedOn,
        TASK_STATUS[w.status] ?? w.status,
      ]),
      '本季度无企业吹哨',
    ),
    tableSection(
      `五、本季度逾期升级（${f.escalations.reduce((s, e) => s + e.n, 0)}件）`,
      [
        ['事项', 4],
        ['件数', 2],
      ],
      f.escalations.map((e) => [TASK_LABELS[e.type as TaskType]?.zh ?? e.type, String(e.n)]),
      '本季度无逾期升级',
    ),
    tableSection(
      `逾期未办结事项（${f.overdueTasks.length}件）`,
      [
        ['企业名称', 4],
        ['所在区县', 2],
        ['办理环节', 3],
        ['办理部门/人', 3],
        ['完成时限', 3],
        ['超期', 2],
      ],
      f.overdueTasks.map((task) => [
        task.enterpriseName,
        districtName(task.district),
        TASK_LABELS[task.taskType]?.zh ?? task.taskType,
        holderLine(task),
        shanghaiTime(task.dueAt),
        overdueText(task.dueAt, new Date(f.readAt)),
      ]),
      '无逾期未办结事项',
    ),
    tableSection(
      '六、分区县情况',
      [
        ['区县', 3],
        ['在库企业', 2],
        [`${f.year}年入库`, 2],
        ['落后于倍增路径', 2],
        ['逾期问题', 2],
      ],
      byDistrict(f, behind),
      '无',
    ),
  ];
  return {
    title: BRIEFING_TITLE(f.quarter, f.cluster),
    subtitle: `${f.quarter}（${quarterSpan(f.quarter)?.from ?? ''} 至 ${quarterSpan(f.quarter)?.to ?? ''}） · 数据截至 ${f.asOf}`,
    sections,
  };
}

/** 中小企业处 / 王五, or the department alone while no one has claimed the task. */
function holderLine(task: BriefingOverdueTask): string {
  const department = task.department?.zh ?? '—';
  return task.holder ? `${department} / ${task.holder}` : `${department}（未认领）`;
}

/** One row per district with members, admissions, members behind and overdue problems; sums equal the totals. */
function byDistrict(f: DispatchBriefingFacts, behind: BriefingMember[]): string[][] {
  const now = f.members.filter((m) => inPool(m, f.asOf));
  const admitted = f.admissions;
  const codes = [...new Set([...now, ...admitted, ...f.overdueProblems].map((r) => r.district))].sort();
  const count = <R extends { district: string }>(rows: R[], code: string) =>
    String(rows.filter((r) => r.district === code).length);
  return codes.map((code) => [
    districtName(code),
    count(now, code),
    count(admitted, code),
    count(behind, code),
    count(f.overdueProblems, code),
  ]);
}
