import { TASK_TYPES, TaskType } from './task-types';
import type { AnnualReviewSettings } from './annual-review';
import type { WorkCalendar } from './working-days';

/** Government deadlines are often counted in working days (e.g. `{workingDays: 10}`). */
export type SlaDue = string | { workingDays: number };

/** Deadlines of one task type: due after creation, reminder before due, escalation after due. */
export interface SlaEntry {
  /** An ISO 8601 duration, or working days ending at the close of the office day. */
  due: SlaDue;
  remindBefore: string;
  escalateAfter: string;
}

export interface ScreeningThresholds {
  /** 二(一) 1: previous-year revenue ≤ 100 million yuan "in principle". */
  maxRevenue: number;
  /** 二(一) 4: previous-year R&D intensity ≥ 5%. */
  minRdIntensity: number;
  /** 二(一) 5: at least one Class I IP related to the main product. */
  minClassOneIp: number;
}

/** The policy configuration; each change is stored as a new version (GET/PUT /api/admin/policy). */
export interface Policy {
  version: number;
  thresholds: ScreeningThresholds;
  /** 适度保持入库企业数量: how many enterprises may be members at once. */
  poolCapacity: number;
  /** 每年重点帮扶企业不少于50家. */
  annualTarget: number;
  sla: Record<TaskType, SlaEntry>;
  /**
   * When a district does not give its feedback in time: escalate (to the city coordinator), or
   * treat it as `support` with a note. Absent in versions stored before it existed: escalate.
   */
  districtFeedbackDefault?: 'escalate' | 'support';
  /**
   * Nominations must come with the certificates of the C3 and C5 claims (uploaded first).
   * Absent in versions stored before it existed: not required.
   */
  evidenceRequired?: boolean;
  /**
   * 企业吹哨: how many of one enterprise's whistles may wait for an answer at once (issue 20.6), so
   * one account cannot flood the departments. Absent in versions stored before it existed: 5.
   */
  maxOpenWhistles?: number;
  /**
   * 企业吹哨 on a problem not yet in the ledger: how many months it has before it is due, counted
   * from the whistle's Shanghai day (whistle-due.ts). Absent in versions stored before it existed: 3,
   * one quarter (一季一调度).
   */
  whistleProblemMonths?: number;
  /**
   * 动态管理: when the yearly ANNUAL_UPDATE opens and is due (MM-DD, issue 19.3). Absent in versions
   * stored before it existed: DEFAULT_ANNUAL_REVIEW.
   */
  annualReview?: AnnualReviewSettings;
}

export const DEFAULT_MAX_OPEN_WHISTLES = 5;
export const DEFAULT_WHISTLE_PROBLEM_MONTHS = 3;

const sla = (due: string, remindBefore: string, escalateAfter: string): SlaEntry => ({
  due,
  remindBefore,
  escalateAfter,
});

/** Version 1, installed by the first migration's seed. */
export const DEFAULT_POLICY: Policy = {
  version: 1,
  thresholds: { maxRevenue: 100_000_000, minRdIntensity: 0.05, minClassOneIp: 1 },
  poolCapacity: 300,
  annualTarget: 50,
  districtFeedbackDefault: 'escalate',
  evidenceRequired: true,
  maxOpenWhistles: DEFAULT_MAX_OPEN_WHISTLES,
  whistleProblemMonths: DEFAULT_WHISTLE_PROBLEM_MONTHS,
  annualReview: { opensOn: '03-01', dueOn: '04-30' },

  sla: {
    SCREEN: sla('P10D', 'P2D', 'P1D'),
    SUPPLEMENT: sla('P15D', 'P3D', 'P2D'),
    DISTRICT_FEEDBACK: sla('P10D', 'P2D', 'P1D'),
    ENTERPRISE_CONFIRM: sla('P10D', 'P2D', 'P1D'),
    ADMIT: sla('P10D', 'P2D', 'P1D'),
    DIAGNOSE: sla('P30D', 'P5D', 'P3D'),
    QUARTERLY_REPORT: sla('P15D', 'P3D', 'P2D'),
    QUARTERLY_REVIEW: sla('P15D', 'P3D', 'P2D'),
    GRADUATION_REVIEW: sla('P15D', 'P3D', 'P2D'),
    WHISTLE_RESPONSE: sla('P3D', 'P1D', 'PT12H'),
    PROBLEM_CLOSE: sla('P10D', 'P2D', 'P1D'),
    PROBLEM_EXTENSION: sla('P5D', 'P1D', 'P1D'),
    // Used when a review opens after its dueOn (run by hand late in the year).
    ANNUAL_UPDATE: sla('P30D', 'P7D', 'P3D'),
    COUNTERSIGN: sla('P3D', 'P1D', 'P1D'),
  },
};

/** The policy as workflows read it: with the working-day calendar its SLAs may need. */
export type ActivePolicy = Policy & { calendar: WorkCalendar | null };

export function slaFor(policy: Policy, type: TaskType): SlaEntry {
  return policy.sla[type] ?? DEFAULT_POLICY.sla[type];
}

export { TASK_TYPES };
