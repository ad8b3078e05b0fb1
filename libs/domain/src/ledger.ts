import { Option } from './forms/schema';
import { FINAL_STAGES, Stage } from './stages';
import { t, Text } from './text';

/** 二(二): the dimensions of the growth diagnosis that make up the enterprise portrait (企业画像). */
export const DIAGNOSIS_DIMENSIONS: Option[] = [
  { value: 'innovation_factors', label: t('创新要素', 'Innovation factors') },
  { value: 'management', label: t('管理体制', 'Management') },
  { value: 'operating_model', label: t('运营模式', 'Operating model') },
  { value: 'market_positioning', label: t('市场定位', 'Market positioning') },
  { value: 'promotion', label: t('推广方式', 'Promotion') },
  { value: 'digital_transformation', label: t('数字化转型', 'Digital transformation') },
  { value: 'achievement_transfer', label: t('成果转化', 'Achievement transfer') },
  { value: 'intellectual_property', label: t('知识产权', 'Intellectual property') },
  { value: 'testing_certification', label: t('产品测试认证', 'Testing & certification') },
  { value: 'key_technology_needs', label: t('关键技术需求', 'Key technology needs') },
  { value: 'quality_brand', label: t('质量品牌管理', 'Quality & brand') },
  { value: 'standardisation', label: t('标准化应用', 'Standardisation') },
  { value: 'industrial_design', label: t('工业设计', 'Industrial design') },
];

/** 二(二): 企业个性问题、市场共性问题、营商环境问题和政策保障问题. */
export const PROBLEM_CATEGORIES: Option[] = [
  { value: 'enterprise_specific', label: t('企业个性问题', 'Enterprise-specific') },
  { value: 'market_common', label: t('市场共性问题', 'Market-common') },
  { value: 'business_environment', label: t('营商环境问题', 'Business environment') },
  { value: 'policy_support', label: t('政策保障问题', 'Policy support') },
];
export type ProblemCategory =
  'enterprise_specific' | 'market_common' | 'business_environment' | 'policy_support';

/**
 * 二(五) 着力化解发展困难: a problem being worked is 化解中, the policy's verb, wherever its state is
 * named (the status, the reply to a whistle that did not settle it, the notice of that reply): one
 * word for one state, never 仍在化解 or 处理中 beside it.
 */
export const IN_PROGRESS_LABEL: Text = t('化解中', 'In progress');

export const PROBLEM_STATUSES: Option[] = [
  { value: 'open', label: t('待化解', 'Open') },
  { value: 'in_progress', label: IN_PROGRESS_LABEL },
  { value: 'closing', label: t('销号审核中', 'Closing (awaiting confirmation)') },
  { value: 'resolved', label: t('已销号', 'Resolved') },
  { value: 'escalated', label: t('已升级', 'Escalated') },
];
export type ProblemStatus = 'open' | 'in_progress' | 'closing' | 'resolved' | 'escalated';

/**
 * The ledger's statuses as it counts and filters them (问题台账·按状态, GET /api/problems `status`):
 * a problem's own, or `ended` for one not closed out whose enterprise's lifecycle has ended
 * (graduated, exited, not admitted). Nobody works it any more (409 LIFECYCLE_ENDED), so it is not
 * 待化解 or 化解中 to a leader; it stays in the ledger as it was left.
 */
export const ENDED_LEDGER_STATUS = 'ended';
export const LEDGER_STATUSES: Option[] = [
  ...PROBLEM_STATUSES,
  { value: ENDED_LEDGER_STATUS, label: t('帮扶已结束', 'Support ended') },
];
export type LedgerStatus = ProblemStatus | typeof ENDED_LEDGER_STATUS;

/**
 * The ledger's finished rows (已销号, and 帮扶已结束: nobody works them any more). The ledger lists
 * the rest first, by due date (so the overdue lead), and these last, by due date too: one rule for
 * the list on every layout (desk table, phone cards) and the case file's ledger, applied by the
 * API's ORDER BY (libs/persistence ledgerOrder()).
 */
export const LEDGER_FINISHED_STATUSES: readonly LedgerStatus[] = ['resolved', ENDED_LEDGER_STATUS];

/** Whether the lifecycle a problem belongs to has ended (graduated, exited, not admitted). */
export function lifecycleEnded(stage: Stage | null | undefined): boolean {
  return !!stage && FINAL_STAGES.includes(stage);
}

/**
 * A problem's status as the ledger shows it, on its row, drawer and phone card as in its counts
 * and filter (libs/persistence ledgerStatus()): `ended` (帮扶已结束) when not closed out and its
 * lifecycle has ended, else its own. `enterpriseStage` is the stage of the problem's lifecycle.
 */
export function ledgerStatusOf(p: { status: ProblemStatus; enterpriseStage?: Stage | null }): LedgerStatus {
  return p.status !== 'resolved' && lifecycleEnded(p.enterpriseStage) ? ENDED_LEDGER_STATUS : p.status;
}

/**
 * What a quarterly review may set: `closing` is only reached by a close request (申请销号), which
 * opens the coordinators' PROBLEM_CLOSE task.
 */
export const REVIEW_PROBLEM_STATUSES: Option[] = PROBLEM_STATUSES.filter((o) => o.value !== 'closing');

/**
 * 三(一): 科技处统筹、各行业处室牵头，由行业处室、中小企业处、产业金融处和所在地产业主管部门开展定点联系.
 * A ledger problem is owned by one of these; sme_officer and finance_officer see their department's.
 */
export const OWNER_DEPARTMENTS: Option[] = [
  { value: 'tech', label: t('科技处', 'Science & technology division') },
  { value: 'industry', label: t('行业处室', 'Industry division') },
  { value: 'sme', label: t('中小企业处', 'SME division') },
  { value: 'finance', label: t('产业金融处', 'Industrial finance division') },
  { value: 'district', label: t('区县产业主管部门', 'District department') },
];
export type OwnerDepartment = 'tech' | 'industry' | 'sme' | 'finance' | 'district';

/** 二(五): 重大疑难问题"一企一策""一事一议". */
export const SPECIAL_HANDLING: Option[] = [
  { value: 'one_enterprise_one_policy', label: t('一企一策', 'One enterprise, one policy') },
  { value: 'one_matter_one_discussion', label: t('一事一议', 'One matter, one discussion') },
];

/**
 * 二(二) 对照诊断问题清单和化解问题台账，提出化解措施、明确目标任务: a problem's `target` under the
 * policy's own name, on every screen, form, message and export that shows it (the ledger, its
 * drawer, the enterprise's page, the diagnosis and 部门报到 forms, the .xlsx), so one concept reads
 * one way.
 */
export const PROBLEM_TARGET_LABEL: Text = t('目标任务', 'Target');

/** 二(二) 提出化解措施: a problem's `measures`, named as the policy and the ledger name them, everywhere. */
export const PROBLEM_MEASURES_LABEL: Text = t('化解措施', 'Measures');

/** 强化责任落实: the department a problem is owned by (`ownerDepartment`), 责任部门 wherever it is a heading. */
export const PROBLEM_OWNER_LABEL: Text = t('责任部门', 'Owner department');

export interface Problem {
  id: string;
  title: string;
  category: ProblemCategory;
  measures: string;
  target: string;
  ownerDepartment: OwnerDepartment;
  dueAt: string;
  status: ProblemStatus;
  /** 一企一策 / 一事一议 (`handling` in the API). */
  special?: string | null;
  /** Ledger work (issue 19): absent on problems of lifecycles from before it. */
  progress?: ProblemProgress[];
  /** 申请销号 awaiting the coordinators' PROBLEM_CLOSE, or the last one decided. */
  closeRequest?: ProblemCloseRequest | null;
  /** A request for more time awaiting the coordinators' PROBLEM_EXTENSION. */
  extension?: ProblemExtension | null;
  /** Overdue follow-ups done for the current due date (so each is sent once). */
  overdue?: ProblemOverdue | null;
}

/** One entry of a problem's progress (工作进展). */
export interface ProblemProgress {
  at: string;
  actor: string;
  note: string;
}

export interface ProblemCloseRequest {
  summary: string;
  by: string;
  at: string;
}

/** 企业吹哨: the latest whistle on a problem as the ledger keeps it, the enterprise's own words. */
export interface ProblemWhistle {
  id: string;
  title: string;
  description: string;
  at: string;
  /** 部门报到: the department's answer, once given (absent in rows written before it was kept). */
  answer?: WhistleAnswer | null;
}

/**
 * A department's answer to a whistle (WHISTLE_RESPONSE `respond`): addressed to the enterprise,
 * which asked (class `reply`), so it reads it whole — by department, never which officer wrote it.
 */
export interface WhistleAnswer {
  response: string;
  resolved: boolean;
  /** The owner department the whistle went to, which answered. */
  department: OwnerDepartment;
  at: string;
}

export interface ProblemExtension {
  dueAt: string;
  reason: string;
  by: string;
  at: string;
}

export interface ProblemOverdue {
  /** The due date these follow-ups were for: a moved due date starts afresh. */
  dueAt: string;
  remindedAt: string | null;
  escalatedAt: string | null;
}

/**
 * Overdue on `today` (YYYY-MM-DD, Asia/Shanghai): past its due date, not 销号, and its enterprise's
 * lifecycle still running when the stage is known. A problem of an enterprise that graduated, exited
 * or was not admitted is read-only (LIFECYCLE_ENDED): nobody can act on it, so it is overdue for
 * nobody. The ledger's SQL (ProblemsRepository `overdue`, ReportsRepository OVERDUE_PROBLEM, both
 * with lifecycleRunning) counts the same.
 */
export function problemOverdue(
  p: { status: ProblemStatus; dueAt: string; enterpriseStage?: Stage | null },
  today: string,
): boolean {
  return p.status !== 'resolved' && p.dueAt < today && !lifecycleEnded(p.enterpriseStage);
}

/**
 * The outcome a PROBLEM_CLOSE closes with (as `cancelled`) when the owner department answers a
 * whistle on the problem "not resolved" (部门报到, 问题已解决=否) while the close request awaits the
 * coordinators: the department itself says the problem is not solved, so the request it (or the
 * commissioner) made is withdrawn rather than put before the coordinators, the problem goes back
 * in progress, and the task keeps why (`closeWithdrawnData`) for whoever opens it.
 */
export const CLOSE_WITHDRAWN_OUTCOME = 'close_withdrawn';
export const CLOSE_WITHDRAWN_LABEL: Text = t('已撤回（部门答复未解决）', 'Withdrawn (answered not resolved)');
