import { onBehalfLabel } from '@hardtech/domain/approval-actions/proxy';
import { auditActionLabel } from '@hardtech/domain/audit-actions';
import type { AuditTransitionSummary } from '@hardtech/domain/audit-transition';
import { stepOutcomeLabel } from '@hardtech/domain/visibility/step-outcomes';
import { isSystemActor, SYSTEM_ACTOR_NAME } from '@hardtech/domain/roles';
import { STAGE_LABELS } from '@hardtech/domain/stages';
import { TASK_LABELS } from '@hardtech/domain/task-types';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useReference } from '../../api/reference';
import type { Role } from '../../api/types';
import { useLocalText } from '../../i18n';
import type { AuditEvent } from './audit';

const SECONDARY = { color: 'rgba(0,0,0,0.45)' };
const CODE = { ...SECONDARY, fontSize: 12 };
type Kind = AuditTransitionSummary['kind'];
/** Kinds that are an action on a step, or how it was done, rather than its outcome: their word is a tag. */
const ACTION_COLORS: Partial<Record<Kind, string>> = {
  defaulted: 'magenta',
  return: 'orange',
  withdraw: 'gold',
  countersign: 'purple',
  urged: 'volcano',
  copied: 'cyan',
  assigned: 'default',
};
/** Kinds the step heads (with its outcome or the action's tag); any other kind names itself. */
const STEP_KINDS = new Set<Kind>(['completed', ...(Object.keys(ACTION_COLORS) as Kind[])]);

/**
 * Who acted: the person by name (the account as the tooltip), 王五（代 李四） for a proxy, 系统 for
 * the workflows' own steps; beneath, the account (what the filter takes) and their department
 * (left out in a phone's compact card, which opens to the whole row).
 */
export function AuditActor({ event: e, compact = false }: { event: AuditEvent; compact?: boolean }) {
  const local = useLocalText();
  const reference = useReference();
  if (!e.actor) return null;
  const name = isSystemActor(e.actor) ? local(SYSTEM_ACTOR_NAME) : (e.actorName ?? e.actor);
  const principal = e.transition?.onBehalfOf
    ? (e.transition.onBehalfOfName ?? e.transition.onBehalfOf)
    : null;
  const role = e.actorRole && reference?.roles[e.actorRole as Role];
  const department = e.actorDepartment ?? role ?? null;
  const beneath = [e.actorName ? e.actor : null, department ? local(department) : null].filter(Boolean);
  return (
    <>
      <span title={e.actor}>{local(onBehalfLabel(name, principal))}</span>
      {!compact && beneath.length > 0 && <div style={SECONDARY}>{beneath.join(' · ')}</div>}
    </>
  );
}

const OUTCOME_COLORS = { ok: 'green', refused: 'orange', failed: 'red' } as const;

/** 成功 / 拒绝 403 / 失败 500: how the request ended, with its HTTP status. */
/**
 * The row's enterprise by name, linked to its page, with its credit code smaller beneath (on a card,
 * beside it): auditors know enterprises by name. The code alone where no enterprise holds it.
 */
export function AuditEnterprise({ event: e, compact = false }: { event: AuditEvent; compact?: boolean }) {
  if (!e.creditCode) return null;
  if (compact)
    return (
      <>
        {e.enterpriseName ?? e.creditCode}
        {e.enterpriseName && <span style={CODE}> {e.creditCode}</span>}
      </>
    );
  return (
    <>
      <Link to={`/enterprises/${e.creditCode}`}>{e.enterpriseName ?? e.creditCode}</Link>
      {e.enterpriseName && <div style={CODE}>{e.creditCode}</div>}
    </>
  );
}

export function AuditOutcome({ event: e }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  return (
    <Tag color={OUTCOME_COLORS[e.outcome]} style={{ marginInlineEnd: 0 }}>
      {t(`outcomes.${e.outcome}`)}
      {e.status ? ` ${e.status}` : ''}
    </Tag>
  );
}

/**
 * What happened in one line, for a phone's compact card: a transition's headline (the step and its
 * outcome, or what the system did), else the action in words.
 */
export function AuditKind({ event: e }: { event: AuditEvent }) {
  const local = useLocalText();
  if (!e.transition) return <>{local(auditActionLabel(e.action))}</>;
  return <TransitionHeadline summary={e.transition} />;
}

/**
 * What happened, in words with the code beneath: a workflow transition as the business event it
 * was — the step and its outcome (codes as tooltips), the stage it moved to, the steps it opened.
 */
export function AuditAction({ event: e }: { event: AuditEvent }) {
  const local = useLocalText();
  const code = (
    <div>
      <code style={CODE}>{e.action}</code>
    </div>
  );
  if (!e.transition) {
    return (
      <>
        {local(auditActionLabel(e.action))}
        {code}
      </>
    );
  }
  return (
    <>
      <TransitionLine summary={e.transition} />
      {code}
    </>
  );
}

function TransitionHeadline({ summary: s }: { summary: AuditTransitionSummary }) {
  const { t } = useTranslation('audit');
  const local = useLocalText();
  // The step's code as its tooltip (what the task filters and exports name).
  const step = s.taskType && <strong title={s.taskType}>{local(TASK_LABELS[s.taskType])}</strong>;
  // outcome is set only for kinds that have one (completed, defaulted).
  const outcome = s.outcome && (
    <Tag color="blue" title={s.outcome} style={{ marginInlineStart: step ? 8 : 0 }}>
      {(s.taskType && local(stepOutcomeLabel(s.taskType, s.outcome))) || s.outcome}
    </Tag>
  );
  const action = ACTION_COLORS[s.kind] && (
    <Tag color={ACTION_COLORS[s.kind]} title={s.kind} style={{ marginInlineStart: step || outcome ? 8 : 0 }}>
      {t(`transition.${s.kind}`)}
    </Tag>
  );
  if (s.kind === 'other' || (STEP_KINDS.has(s.kind) && !step && !outcome && !action)) {
    return <>{t('transition.other')}</>;
  }
  if (STEP_KINDS.has(s.kind)) {
    return (
      <>
        {step}
        {outcome}
        {action}
      </>
    );
  }
  // The opening, what the system did by itself, the cause the workflow named: its own words.
  return <strong title={s.kind}>{t(`transition.${s.kind}`)}</strong>;
}

function TransitionLine({ summary: s }: { summary: AuditTransitionSummary }) {
  const { t } = useTranslation('audit');
  const local = useLocalText();
  const stage = (v: AuditTransitionSummary['stageChange']) =>
    v &&
    (v.from
      ? t('transition.stage', { from: local(STAGE_LABELS[v.from]), to: local(STAGE_LABELS[v.to]) })
      : t('transition.stageEntered', { to: local(STAGE_LABELS[v.to]) }));
  const next = s.opened.length
    ? t('transition.next', {
        steps: s.opened.map((o) => local(TASK_LABELS[o])).join(t('transition.listSeparator')),
      })
    : null;
  return (
    <div data-testid="audit-transition">
      <div>
        <TransitionHeadline summary={s} />
      </div>
      {s.stageChange && <div>{stage(s.stageChange)}</div>}
      {next && <div style={SECONDARY}>{next}</div>}
    </div>
  );
}
