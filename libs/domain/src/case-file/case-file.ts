import type { AttachmentPurpose, AttachmentSubject } from '../attachments';
import type { Nomination } from '../nomination';
import type { Role } from '../roles';
import type { CriterionId, CriterionKind, CriterionOutcome, ScreeningReport } from '../screening';
import type { Stage } from '../stages';
import type { TaskType } from '../task-types';
import { t, type Text } from '../text';
import { onBehalfLabel } from '../approval-actions/proxy';
import { actorVisible, screeningVisible, visibleStep } from '../visibility';
import { opinionText } from './opinion-text';
import type { CaseStanding } from './standing';

/** The lifecycle's facts as the projection holds them now (the nomination after supplements). */
export interface CaseFacts {
  nomination: Nomination;
  stage: Stage;
  lifecycleNo: number;
  screening: ScreeningReport | null;
  leadCluster: string | null;
  commissioner: string | null;
  districtLiaison: string | null;
  baselineRevenue: number | null;
  /** A member's reports, 三年倍增 and ledger as the reader may see them (caseStanding); none before. */
  standing?: CaseStanding | null;
}

/** A completed task of the lifecycle: who did it, when, and what they submitted. */
export interface CompletedStep {
  taskId: string;
  taskType: TaskType;
  outcome: string;
  data: Record<string, unknown>;
  actor: string;
  /** 委托代理: the principal the actor completed the step for. */
  onBehalfOf?: string | null;
  at: string;
}

/** An evidence file of the lifecycle that the caller may see (the caller checks its scope). */
export interface CaseAttachmentRow {
  id: string;
  fileName: string;
  purpose: AttachmentPurpose;
  subject: AttachmentSubject;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface Person {
  displayName: string;
  role: Role;
  department: Text;
}

/** Names of the codes and usernames the case file shows; null when unknown. */
export interface CaseNames {
  district(code: string): string | null;
  cluster(code: string): string | null;
  person(username: string): Person | null;
}

export interface CaseOpinion {
  taskId: string;
  taskType: TaskType;
  outcome: string;
  /** What the person wrote (opinion, reason, note, comment, judgment notes), as the reader may read it. */
  opinion: string | null;
  data: Record<string, unknown>;
  actor: string | null;
  /** 王五（代 张三） when a proxy did the step. */
  actorName: string | null;
  actorDepartment: Text | null;
  /** 委托代理: the principal, shown only with the actor. */
  onBehalfOf: string | null;
  at: string;
}

/** `uploadedBy` is null when the reader may not know who uploaded (an officer, to an enterprise). */
export interface CaseAttachment extends Omit<CaseAttachmentRow, 'uploadedBy'> {
  uploadedBy: string | null;
  uploadedByName: string | null;
}

export interface CaseCriterion {
  id: CriterionId;
  kind: CriterionKind;
  outcome: CriterionOutcome;
  detail: string;
  detailEn: string;
  /**
   * Once the screening passed: what the coordinator confirmed (C2, C6) or accepted (a failed soft
   * criterion's justification, C1 and S2), with the note as the reader may read it; else null.
   */
  confirmed: { note: string | null } | null;
}

export interface CaseFile {
  enterprise: CaseEnterprise;
  screening: { policyVersion: number; criteria: CaseCriterion[] } | null;
  /** Where a member stands (its reports, 三年倍增, its ledger); null before admission. */
  standing: CaseStanding | null;
  opinions: CaseOpinion[];
  attachments: CaseAttachment[];
}

export type CaseEnterprise = Nomination & {
  districtName: string | null;
  clusterName: string | null;
  /** R&D expense over revenue of the previous year (二(一) 4); null without revenue. */
  rdIntensity: number | null;
  stage: Stage;
  lifecycleNo: number;
  leadCluster: string | null;
  leadClusterName: string | null;
  commissioner: string | null;
  commissionerName: string | null;
  districtLiaison: string | null;
  districtLiaisonName: string | null;
  baselineRevenue: number | null;
};

/**
 * The case a decision is taken on (审批单): the enterprise's data, the screening, every earlier
 * step's opinion oldest first, and the evidence. What an officer's step shows the reader, and
 * whether the screening is shown at all, is the one redaction rule's decision (visibility/).
 */
export function buildCaseFile(
  role: Role,
  facts: CaseFacts,
  steps: readonly CompletedStep[],
  attachments: readonly CaseAttachmentRow[],
  names: CaseNames,
): CaseFile {
  return {
    enterprise: caseEnterprise(facts, names),
    screening: facts.screening && screeningVisible(role) ? caseScreening(role, facts.screening, steps) : null,
    standing: facts.standing ?? null,
    opinions: [...steps]
      .sort((a, b) => a.at.localeCompare(b.at) || a.taskId.localeCompare(b.taskId))
      .map((step) => caseOpinion(role, step, names)),
    attachments: attachments.map((a) => {
      const uploader = names.person(a.uploadedBy);
      const known = actorVisible(role, uploader?.role ?? null);
      return {
        ...a,
        uploadedBy: known ? a.uploadedBy : null,
        uploadedByName: known ? (uploader?.displayName ?? null) : null,
      };
    }),
  };
}

/** A criterion once the screening passed: the judgment confirmed, or the failure accepted with a reason. */
export function confirmedLabel(criterion: Pick<CaseCriterion, 'kind' | 'confirmed'>): Text | null {
  if (!criterion.confirmed) return null;
  return criterion.kind === 'judgment'
    ? t('已确认', 'Confirmed')
    : t('已说明，准予通过', 'Accepted with a reason');
}

/**
 * The screening's criteria and, once the coordinator passed it, their decision on each criterion it
 * needed one for (二(一): C2 and C6 are judged, C1 and S2 may be accepted with a reason): the
 * criteria read 需人工研判 no longer after the decision. The notes are deliberations: visibleStep
 * keeps them from the readers who may not read them.
 */
function caseScreening(
  role: Role,
  screening: ScreeningReport,
  steps: readonly CompletedStep[],
): NonNullable<CaseFile['screening']> {
  const decision = [...steps]
    .filter((step) => step.taskType === 'SCREEN')
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  const passed = decision?.outcome === 'pass' ? visibleStep(role, decision).data : null;
  const judgments = (passed?.judgments ?? {}) as Partial<Record<CriterionId, { note?: unknown }>>;
  const justifications = (passed?.justifications ?? {}) as Partial<Record<CriterionId, unknown>>;
  const noteOf = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  const confirmation = (id: CriterionId, kind: CriterionKind, outcome: CriterionOutcome) => {
    if (!passed) return null;
    if (kind === 'judgment') return { note: noteOf(judgments[id]?.note) };
    if (kind === 'soft' && outcome === 'fail') return { note: noteOf(justifications[id]) };
    return null;
  };
  return {
    policyVersion: screening.policyVersion,
    criteria: screening.criteria.map(({ id, kind, outcome, detail, detailEn }) => ({
      id,
      kind,
      outcome,
      detail,
      detailEn,
      confirmed: confirmation(id, kind, outcome),
    })),
  };
}

function caseEnterprise(facts: CaseFacts, names: CaseNames): CaseEnterprise {
  const n = facts.nomination;
  const admitted = facts.leadCluster !== null;
  const name = (username: string | null) => (username ? (names.person(username)?.displayName ?? null) : null);
  return {
    ...n,
    districtName: names.district(n.district),
    clusterName: names.cluster(n.cluster),
    rdIntensity: n.revenuePrevYear > 0 ? n.rdExpensePrevYear / n.revenuePrevYear : null,
    stage: facts.stage,
    lifecycleNo: facts.lifecycleNo,
    leadCluster: facts.leadCluster,
    leadClusterName: admitted ? names.cluster(facts.leadCluster!) : null,
    commissioner: facts.commissioner,
    commissionerName: name(facts.commissioner),
    districtLiaison: facts.districtLiaison,
    districtLiaisonName: name(facts.districtLiaison),
    baselineRevenue: facts.baselineRevenue,
  };
}

function caseOpinion(role: Role, step: CompletedStep, names: CaseNames): CaseOpinion {
  const seen = visibleStep(role, step);
  const person = seen.actor ? names.person(seen.actor) : null;
  const principal = seen.actor && step.onBehalfOf ? step.onBehalfOf : null;
  const displayName = seen.actor ? (person?.displayName ?? seen.actor) : null;
  const principalName = principal ? (names.person(principal)?.displayName ?? principal) : null;
  return {
    taskId: step.taskId,
    taskType: step.taskType,
    outcome: seen.outcome,
    opinion: opinionText(step.taskType, seen.outcome, seen.data),
    data: seen.data,
    actor: seen.actor,
    actorName: displayName && onBehalfLabel(displayName, principalName).zh,
    actorDepartment: seen.actor ? (person?.department ?? null) : null,
    onBehalfOf: principal,
    at: step.at,
  };
}
