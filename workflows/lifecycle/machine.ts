import { assign, setup } from 'xstate';
import {
  applyCorrections,
  CandidateRule,
  changeProblems,
  STEP_ACTIONS,
  StepActions,
  doublingProgress,
  Problem,
  ScreeningReport,
  TASK_FORMS,
  TaskForm,
  TaskType,
} from '@hardtech/domain';
import {
  AnnualReviewOpenEvent,
  hasAnnualReview,
  openAnnualReview,
  proposesChange,
  recordAnnualUpdate,
  requeueQuarter,
} from './annual-review';
import type { LifecycleContext } from './context';
import type {
  LifecycleEvent,
  ProblemOverdueEvent,
  ProblemWorkEvent,
  TaskEvent,
  WhistleEvent,
} from './events';

/** The meta of a state node that holds a human task. */
export interface TaskMeta {
  /** `actions`: the approval actions the step allows (libs/domain/src/approval-actions/allowed.ts). */
  task: { type: TaskType; candidates: CandidateRule; form: TaskForm; actions: StepActions };
}

const task = (type: TaskType, candidates: CandidateRule): TaskMeta => ({
  task: { type, candidates, form: TASK_FORMS[type], actions: STEP_ACTIONS[type] },
});

/**
 * Tasks that are not a state: any number may be open while the enterprise is a member (the root
 * meta lists them so the definition names them with their candidates and form).
 */
export interface AdhocTaskMeta {
  adhocTasks: TaskMeta['task'][];
}

export interface LifecycleMachineInput {
  context: Omit<
    LifecycleContext,
    | 'supplements'
    | 'feedback'
    | 'admission'
    | 'diagnosis'
    | 'problems'
    | 'quarter'
    | 'quarterlyReports'
    | 'closing'
    | 'whistles'
  >;
}

const asTask = (e: LifecycleEvent) => e as TaskEvent;

/**
 * The path of one enterprise through the pool (docs/design.md 2.3), the single process definition:
 * stages are the top-level states, each human step is a state whose meta names the task, who may
 * do it and its form; outcomes are the `<TYPE>.<outcome>` events it accepts.
 */
export const lifecycleMachine = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as LifecycleEvent,
    input: {} as LifecycleMachineInput,
  },
  actions: {
    close: assign({
      closing: ({ event }, params: { stage: 'graduated' | 'exited' | 'rejected' }) => {
        const e = asTask(event);
        const reason = e.data.reason ?? e.data.opinion ?? e.data.note ?? null;
        return { stage: params.stage, outcome: e.type, reason, by: e.actor.username, at: e.at };
      },
    }),
    applySupplement: assign(({ context, event }) => {
      const e = asTask(event);
      return {
        nomination: applyCorrections(context.nomination, e.data.corrections ?? {}),
        screening: e.screening as ScreeningReport,
        supplements: context.supplements + 1,
      };
    }),
    recordFeedback: assign(({ context, event }, params: { side: 'district' | 'enterprise' }) => {
      const e = asTask(event);
      const text = (e.data.opinion ?? e.data.note ?? null) as string | null;
      return {
        feedback: {
          ...context.feedback,
          [params.side]: { outcome: e.type, text, by: e.actor.username, at: e.at },
        },
      };
    }),
    recordAdmission: assign(({ context, event }) => {
      const e = asTask(event);
      return {
        admission: {
          leadCluster: e.data.leadCluster,
          commissioner: e.data.commissioner,
          districtLiaison: e.data.districtLiaison,
          admittedAt: e.at,
          baselineRevenue: context.nomination.revenuePrevYear,
        },
      };
    }),
    recordDiagnosis: assign(({ context, event }) => {
      const e = asTask(event);
      const problems: Problem[] = (e.data.problems as Omit<Problem, 'id' | 'status'>[]).map((p, i) => ({
        ...p,
        special: p.special ?? null,
        id: e.ids![i],
        status: 'open',
      }));
      return {
        diagnosis: { portrait: e.data.portrait, by: e.actor.username, at: e.at },
        problems: [...context.problems, ...problems],
      };
    }),
    // A tick is remembered (never lost while a report or review is still open) and taken up on
    // entering `reporting`; `lastTicked` makes a second dispatch of the same quarter a no-op.
    rememberTick: assign(({ context, event }) => {
      const quarter = (event as { quarter: string }).quarter;
      return { quarter: { ...context.quarter, lastTicked: quarter, queued: quarter } };
    }),
    startQuarter: assign(({ context }) => ({
      quarter: { ...context.quarter, current: context.quarter.queued, queued: null },
    })),
    recordQuarterlyReport: assign(({ context, event }) => {
      const e = asTask(event);
      const reports = [...context.quarterlyReports, e.data as { quarter: string; revenue: number }];
      const progress = doublingProgress(
        context.admission?.baselineRevenue ?? null,
        context.admission?.admittedAt ?? e.at,
        reports,
      );
      return {
        quarterlyReports: [
          ...context.quarterlyReports,
          { ...(e.data as any), submittedBy: e.actor.username, submittedAt: e.at, progress },
        ],
      };
    }),
    applyReview: assign(({ context, event }) => {
      const e = asTask(event);
      const updates = new Map<string, { status: Problem['status']; note?: string }>(
        (e.data.problemUpdates ?? []).map(
          (u: { problemId: string; status: Problem['status']; note?: string }) => [u.problemId, u],
        ),
      );
      const reviewed = (p: Problem, u: { status: Problem['status']; note?: string }): Problem => ({
        ...p,
        status: u.status,
        ...(e.reviewProgress && u.note
          ? { progress: [...(p.progress ?? []), { at: e.at, actor: e.actor.username, note: u.note }] }
          : {}),
      });
      return {
        problems: context.problems.map((p) => (updates.has(p.id) ? reviewed(p, updates.get(p.id)!) : p)),
        quarter: { ...context.quarter, current: null },
      };
    }),
    // 企业吹哨: a whistle on a ledger problem, or on a new problem that enters the ledger with it.
    openWhistle: assign(({ context, event }) => {
      const e = event as WhistleEvent;
      const existing = context.problems.find((p) => p.id === e.problemId);
      const problems = existing
        ? context.problems
        : [
            ...context.problems,
            {
              id: e.problemId,
              title: e.title,
              category: 'enterprise_specific' as const,
              measures: '',
              target: '',
              ownerDepartment: 'industry' as const,
              // Computed by the Lifecycle (patched); whistles recorded before it: that UTC day.
              dueAt: e.dueAt ?? e.at.slice(0, 10),
              status: 'open' as const,
              special: null,
            },
          ];
      return {
        problems,
        whistles: [
          ...context.whistles,
          {
            id: e.id,
            problemId: e.problemId,
            title: e.title,
            description: e.description,
            owner: existing?.ownerDepartment ?? 'industry',
            by: e.actor.username,
            at: e.at,
            status: 'open' as const,
            response: null,
            resolved: null,
            answeredBy: null,
            answeredAt: null,
          },
        ],
      };
    }),
    // 部门报到: the owner department's answer; "resolved" asks the coordinators to close it out.
    answerWhistle: assign(({ context, event }) => {
      const e = asTask(event);
      const whistle = context.whistles.find((w) => w.id === e.whistleId)!;
      const change = {
        type: 'whistle_answered' as const,
        problemId: whistle.problemId,
        resolved: e.data.resolved === true,
        response: e.data.response,
        closeReview: e.closeReview === true,
        actor: e.actor.username,
        at: e.at,
        // A whistled new problem's plan, set with the answer (absent from answers recorded before).
        measures: e.data.measures,
        target: e.data.target,
      };
      return {
        whistles: context.whistles.map((w) =>
          w.id === whistle.id
            ? {
                ...w,
                status: 'answered' as const,
                response: e.data.response,
                resolved: e.data.resolved,
                answeredBy: e.actor.username,
                answeredAt: e.at,
              }
            : w,
        ),
        problems: changeProblems(context.problems, change),
      };
    }),
    // 动态管理 (annual-review.ts): the year's update opens, is recorded, and may call for a review.
    openAnnualReview: assign(({ context, event }) =>
      openAnnualReview(context, event as AnnualReviewOpenEvent),
    ),
    recordAnnualUpdate: assign(({ context, event }) => recordAnnualUpdate(context, asTask(event))),
    requeueQuarter: assign(({ context }) => requeueQuarter(context)),
    // 退回 from the review: the enterprise corrects its report, so the quarter's report is taken
    // out until it is submitted again (the projection writes the corrected one over it).
    reopenQuarterlyReport: assign(({ context }) => ({
      quarterlyReports: context.quarterlyReports.filter((r) => r.quarter !== context.quarter.current),
    })),
    // 退回 from the graduation review: the last quarter's review is done again.
    reopenReview: assign(({ context }) => ({
      quarter: { ...context.quarter, current: context.quarterlyReports.at(-1)?.quarter ?? null },
    })),
    // Unanswered by its deadline, the whistle escalates and so does its problem.
    escalateWhistle: assign(({ context, event }) => {
      const whistle = context.whistles.find((w) => w.id === (event as { whistleId: string }).whistleId);
      return {
        problems: context.problems.map((p) =>
          p.id === whistle?.problemId ? { ...p, status: 'escalated' as const } : p,
        ),
      };
    }),
    // Ledger work (issue 19): progress, 申请销号, 延期, 一企一策 — and the coordinators' decisions.
    workProblem: assign(({ context, event }) => {
      const e = event as ProblemWorkEvent;
      const change = { type: 'work' as const, work: e.work, actor: e.actor.username, at: e.at };
      return { problems: changeProblems(context.problems, change) };
    }),
    decideProblemClose: assign(({ context, event }) => {
      const e = asTask(event);
      const confirmed = e.type === 'PROBLEM_CLOSE.confirm';
      const change = { type: 'close_decided' as const, problemId: e.problemId!, confirmed, at: e.at };
      return { problems: changeProblems(context.problems, change) };
    }),
    decideProblemExtension: assign(({ context, event }) => {
      const e = asTask(event);
      const approved = e.type === 'PROBLEM_EXTENSION.approve';
      const change = { type: 'extension_decided' as const, problemId: e.problemId!, approved, at: e.at };
      return { problems: changeProblems(context.problems, change) };
    }),
    markProblemOverdue: assign(({ context, event }) => {
      const e = event as ProblemOverdueEvent;
      return { problems: changeProblems(context.problems, { ...e, type: 'overdue' }) };
    }),
  },
  guards: {
    isMember: ({ context }) => context.admission !== null && context.closing === null,

    isNewQuarter: ({ context, event }) =>
      event.type === 'QUARTER_TICK' &&
      (context.quarter.lastTicked === null || event.quarter > context.quarter.lastTicked),
    hasQueuedQuarter: ({ context }) => context.quarter.queued !== null,
    annualReviewDue: ({ context, event }) =>
      context.admission !== null &&
      context.closing === null &&
      !hasAnnualReview(context, (event as AnnualReviewOpenEvent).year),
    proposesChange: ({ event }) => proposesChange(asTask(event)),
  },
}).createMachine({
  id: 'lifecycle',
  initial: 'screening',
  meta: {
    adhocTasks: [
      {
        type: 'WHISTLE_RESPONSE',
        candidates: { department: true },
        form: TASK_FORMS.WHISTLE_RESPONSE,
        actions: STEP_ACTIONS.WHISTLE_RESPONSE,
      },
      {
        type: 'PROBLEM_CLOSE',
        candidates: { role: 'city_coordinator' },
        form: TASK_FORMS.PROBLEM_CLOSE,
        actions: STEP_ACTIONS.PROBLEM_CLOSE,
      },
      {
        type: 'PROBLEM_EXTENSION',
        candidates: { role: 'city_coordinator' },
        form: TASK_FORMS.PROBLEM_EXTENSION,
        actions: STEP_ACTIONS.PROBLEM_EXTENSION,
      },
      {
        type: 'ANNUAL_UPDATE',
        candidates: { role: 'enterprise_user', scope: 'enterprise' },
        form: TASK_FORMS.ANNUAL_UPDATE,
        actions: STEP_ACTIONS.ANNUAL_UPDATE,
      },
      // 加签: opened beside another task by its assignee, for the people named (user:<name>).
      {
        type: 'COUNTERSIGN',
        candidates: { named: true },
        form: TASK_FORMS.COUNTERSIGN,
        actions: STEP_ACTIONS.COUNTERSIGN,
      },
    ],
  } satisfies AdhocTaskMeta,
  on: {
    WHISTLE: { guard: 'isMember', actions: 'openWhistle' },
    'WHISTLE_RESPONSE.respond': { actions: 'answerWhistle' },
    WHISTLE_ESCALATED: { actions: 'escalateWhistle' },
    PROBLEM_WORK: { actions: 'workProblem' },
    PROBLEM_OVERDUE: { actions: 'markProblemOverdue' },
    'PROBLEM_CLOSE.confirm': { actions: 'decideProblemClose' },
    'PROBLEM_CLOSE.reject': { actions: 'decideProblemClose' },
    'PROBLEM_EXTENSION.approve': { actions: 'decideProblemExtension' },
    'PROBLEM_EXTENSION.reject': { actions: 'decideProblemExtension' },
    ANNUAL_REVIEW_OPEN: { guard: 'annualReviewDue', actions: 'openAnnualReview' },
    'ANNUAL_UPDATE.submit': { actions: 'recordAnnualUpdate' },
  },
  context: ({ input }) => ({
    ...input.context,
    supplements: 0,
    feedback: { district: null, enterprise: null },
    admission: null,
    diagnosis: null,
    problems: [],
    quarter: { lastTicked: null, current: null, queued: null },
    quarterlyReports: [],
    closing: null,
    whistles: [],
  }),
  states: {
    // 市级筛选: the system evaluates C1–C6/S1–S2; 科技处 decides.
    screening: {
      meta: task('SCREEN', { role: 'city_coordinator' }),
      on: {
        'SCREEN.pass': { target: 'feedback' },
        'SCREEN.reject': { target: 'rejected', actions: { type: 'close', params: { stage: 'rejected' } } },
        'SCREEN.request_info': { target: 'supplement' },
      },
    },
    // Back to the nominator for corrected data, then screened again.
    supplement: {
      meta: task('SUPPLEMENT', { nominator: true }),
      on: { 'SUPPLEMENT.submit': { target: 'screening', actions: 'applySupplement' } },
    },
    // 区县和当事企业反馈: both must agree; either may decline.
    feedback: {
      type: 'parallel',
      states: {
        district: {
          initial: 'pending',
          states: {
            pending: {
              meta: task('DISTRICT_FEEDBACK', { role: 'district_officer', scope: 'district' }),
              on: {
                'DISTRICT_FEEDBACK.support': {
                  target: 'agreed',
                  actions: { type: 'recordFeedback', params: { side: 'district' } },
                },
                'DISTRICT_FEEDBACK.oppose': {
                  target: '#lifecycle.rejected',
                  actions: [
                    { type: 'recordFeedback', params: { side: 'district' } },
                    { type: 'close', params: { stage: 'rejected' } },
                  ],
                },
              },
            },
            agreed: { type: 'final' },
          },
        },
        enterprise: {
          initial: 'pending',
          states: {
            pending: {
              meta: task('ENTERPRISE_CONFIRM', { role: 'enterprise_user', scope: 'enterprise' }),
              on: {
                'ENTERPRISE_CONFIRM.confirm': {
                  target: 'agreed',
                  actions: { type: 'recordFeedback', params: { side: 'enterprise' } },
                },
                'ENTERPRISE_CONFIRM.decline': {
                  target: '#lifecycle.rejected',
                  actions: [
                    { type: 'recordFeedback', params: { side: 'enterprise' } },
                    { type: 'close', params: { stage: 'rejected' } },
                  ],
                },
              },
            },
            agreed: { type: 'final' },
          },
        },
      },
      onDone: { target: 'admission' },
    },
    // 纳入库中: within the pool capacity; assigns lead cluster, commissioner and district liaison.
    admission: {
      meta: task('ADMIT', { role: 'city_coordinator' }),
      on: {
        'ADMIT.admit': { target: 'diagnosis', actions: 'recordAdmission' },
        'ADMIT.reject': { target: 'rejected', actions: { type: 'close', params: { stage: 'rejected' } } },
        RETURN: { target: 'screening' },
      },
    },
    // 企业成长诊断 by the assigned commissioner: portrait and problem list (化解问题台账).
    diagnosis: {
      meta: task('DIAGNOSE', { assigned: 'commissioner' }),
      on: { 'DIAGNOSE.submit': { target: 'supporting', actions: 'recordDiagnosis' } },
    },
    // 帮扶中: 一季一调度 — every quarter a report, then the lead cluster's review.
    supporting: {
      initial: 'waiting',
      on: {
        QUARTER_TICK: { guard: 'isNewQuarter', actions: 'rememberTick' },
        // 动态管理: an update that shows the member outgrew the pool or no longer qualifies.
        'ANNUAL_UPDATE.submit': {
          guard: 'proposesChange',
          target: '#lifecycle.graduation_review',
          actions: ['recordAnnualUpdate', 'requeueQuarter'],
        },
      },
      states: {
        waiting: {
          always: { guard: 'hasQueuedQuarter', target: 'reporting', actions: 'startQuarter' },
          on: {
            QUARTER_TICK: {
              guard: 'isNewQuarter',
              target: 'reporting',
              actions: ['rememberTick', 'startQuarter'],
            },
          },
        },
        reporting: {
          meta: task('QUARTERLY_REPORT', { role: 'enterprise_user', scope: 'enterprise' }),
          on: { 'QUARTERLY_REPORT.submit': { target: 'reviewing', actions: 'recordQuarterlyReport' } },
        },
        reviewing: {
          meta: task('QUARTERLY_REVIEW', { role: 'industry_officer', scope: 'leadCluster' }),
          on: {
            'QUARTERLY_REVIEW.continue': { target: 'waiting', actions: 'applyReview' },
            'QUARTERLY_REVIEW.recommend_graduation': {
              target: '#lifecycle.graduation_review',
              actions: 'applyReview',
            },
            'QUARTERLY_REVIEW.recommend_exit': {
              target: '#lifecycle.graduation_review',
              actions: 'applyReview',
            },
            RETURN: { target: 'reporting', actions: 'reopenQuarterlyReport' },
          },
        },
      },
    },
    // 移出帮扶库: graduated when on track / doubled / listed; exited when no longer eligible.
    graduation_review: {
      meta: task('GRADUATION_REVIEW', { role: 'city_coordinator' }),
      on: {
        QUARTER_TICK: { guard: 'isNewQuarter', actions: 'rememberTick' },
        'GRADUATION_REVIEW.graduate': {
          target: 'graduated',
          actions: { type: 'close', params: { stage: 'graduated' } },
        },
        'GRADUATION_REVIEW.exit': {
          target: 'exited',
          actions: { type: 'close', params: { stage: 'exited' } },
        },
        'GRADUATION_REVIEW.continue': { target: 'supporting' },
        RETURN: { target: '#lifecycle.supporting.reviewing', actions: 'reopenReview' },
      },
    },
    graduated: { type: 'final' },
    exited: { type: 'final' },
    rejected: { type: 'final' },
  },
});
