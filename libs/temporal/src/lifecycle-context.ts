/** The lifecycle statechart's context: the facts of one lifecycle, as the workflow keeps, shows and projects them. */
import type {
  Actor,
  AnnualEvaluation,
  AnnualFigures,
  DoublingProgress,
  Nomination,
  OwnerDepartment,
  Problem,
  ProblemCategory,
  QuarterlyFigures,
  ScreeningReport,
  Stage,
} from '@hardtech/domain';

export interface Admission {
  leadCluster: string;
  commissioner: string;
  districtLiaison: string;
  admittedAt: string;
  /** Revenue of the year before admission: the base of 三年倍增. */
  baselineRevenue: number;
}

export interface QuarterlyReport extends QuarterlyFigures {
  listingProgress: string;
  note?: string;
  submittedBy: string;
  submittedAt: string;
  /** 三年倍增 as of this report. */
  progress: DoublingProgress | null;
}

export interface Closing {
  stage: Stage;
  outcome: string;
  reason: string | null;
  by: string;
  at: string;
}

/** The statechart's context: the facts of one lifecycle, carried across continue-as-new. */
export interface LifecycleContext {
  creditCode: string;
  lifecycleNo: number;
  nomination: Nomination;
  nominatedBy: string;
  nominatorGroups: string[];
  screening: ScreeningReport;
  supplements: number;
  feedback: { district: FeedbackRecord | null; enterprise: FeedbackRecord | null };
  admission: Admission | null;
  diagnosis: { portrait: Record<string, { score: number; note?: string }>; by: string; at: string } | null;
  problems: Problem[];
  quarter: { lastTicked: string | null; current: string | null; queued: string | null };
  quarterlyReports: QuarterlyReport[];
  closing: Closing | null;
  whistles: Whistle[];
  /** 动态管理, one per review year; absent in lifecycles from before the annual review. */
  annualReviews?: AnnualReviewRecord[];
}

/** A member's yearly update and its evaluation against the current policy (issue 19.3). */
export interface AnnualReviewRecord {
  year: number;
  openedAt: string;
  status: 'open' | 'submitted';
  figures: AnnualFigures | null;
  evaluation: AnnualEvaluation | null;
  submittedBy: string | null;
  submittedAt: string | null;
}

/** 企业吹哨·部门报到: a problem the enterprise raised, until the owner department responds. */
export interface Whistle {
  id: string;
  problemId: string;
  title: string;
  description: string;
  owner: OwnerDepartment;
  by: string;
  at: string;
  status: 'open' | 'answered';
  response: string | null;
  resolved: boolean | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface FeedbackRecord {
  outcome: string;
  text: string | null;
  by: string;
  at: string;
}

export type { Actor, OwnerDepartment, ProblemCategory };
