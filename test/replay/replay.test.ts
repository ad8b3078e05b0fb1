import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { History } from '@temporalio/common/lib/proto-utils';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { createCast } from '../support/cast';
import {
  blowWhistleOnFirstProblem,
  driveToGraduation,
  driveToSupporting,
  reportQuarter,
} from '../support/drive';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask, problem } from '../support/lifecycle';
import { startBeforeHolidays } from '../support/short-runs';
import {
  CALENDAR_DAYS_PATCH,
  CALENDAR_DAYS_ROLL_PATCH,
  RESOLVED_HANDLING_PATCH,
  REVIEW_PROGRESS_PATCH,
  WHISTLE_CLOSE_REVIEW_PATCH,
  WHISTLE_NEW_PROBLEM_DUE_PATCH,
  WHISTLE_UNRESOLVED_WITHDRAWS_CLOSE_PATCH,
} from '../../workflows/lifecycle/lifecycle';
import { COUNTERSIGN_RECHECK_PATCH } from '../../workflows/lifecycle/approval-actions';
import { closeTemporal, temporalClient } from '../support/temporal';
import { exportHistory as exportedHistory } from '../support/export-history';

// Determinism guard: the workflow bundle the worker runs must replay recorded histories exactly.
// test/histories/ holds histories recorded from earlier versions (production-like lifecycles);
// a change to workflow code that would break running lifecycles fails here, unless patched.
const BUNDLE = { workflowBundle: { codePath: join(__dirname, '../../dist/workflow-bundle.js') } };
const HISTORIES = join(__dirname, '../histories');

beforeAll(() => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed by another test in this process
  }
});
afterAll(closeTemporal);

/** The history exported as an artifact (test/support/export-history.ts), parsed; null without the CLI. */
function exportHistory(workflowId: string, file: string): unknown {
  const json = exportedHistory(workflowId, file);
  return json && JSON.parse(json.toString());
}

/** The patch ids a history's markers record (each marker's payloads, as text). */
function patchMarkers(history: Pick<History, 'events'>): string[] {
  return history.events!.flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    return marker?.markerName === 'core_patch'
      ? Object.values(marker.details ?? {}).flatMap((d) =>
          (d.payloads ?? []).map((p) => Buffer.from(p.data ?? []).toString()),
        )
      : [];
  });
}

describe('replay of recorded lifecycle histories', () => {
  it('replays the history of a lifecycle driven to graduation just now', async () => {
    const cast = await createCast('500113', 'T2');
    await driveToGraduation(cast);
    const history = await (
      await temporalClient()
    ).workflow
      .getHandle(lifecycleWorkflowId(cast.creditCode))
      .fetchHistory();
    expect(history.events!.length).toBeGreaterThan(20);
    // Kept as an artifact, in the format operators export: copy it into test/histories/ to guard
    // it in later versions.
    const json = exportHistory(lifecycleWorkflowId(cast.creditCode), 'graduation.json');
    if (json) expect(historyFromJSON(json).events!.length).toBe(history.events!.length);
    await expect(
      Worker.runReplayHistory(BUNDLE, history, lifecycleWorkflowId(cast.creditCode)),
    ).resolves.toBeUndefined();
  });

  // Issue 17: 加签 answered, 撤回 and 退回 in one history (kept as approval-actions.json, like above).
  it('replays a lifecycle with a countersignature, a withdrawal and a return', async () => {
    const cast = await createCast('500113', 'T2');
    await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
    const screen = await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN');
    await expectOk(
      cast.coordinator.api.post(`/api/tasks/${screen.id}/countersign`, {
        users: [cast.industry.username],
        mode: 'all',
        note: '请出具意见',
      }),
      201,
    );
    await expectOk(
      complete(cast.industry.api, cast.creditCode, 'COUNTERSIGN', 'agree', { opinion: '同意入库' }),
    );
    const pass = { outcome: 'pass', data: { judgments: JUDGMENTS } };
    await expectOk(cast.coordinator.api.post(`/api/tasks/${screen.id}/complete`, pass));
    await expectOk(cast.coordinator.api.post(`/api/tasks/${screen.id}/withdraw`));
    await expectOk(cast.coordinator.api.post(`/api/tasks/${screen.id}/complete`, pass));
    await expectOk(
      complete(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK', 'support', {
        opinion: '同意',
      }),
    );
    await expectOk(complete(cast.enterprise.api, cast.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
    const admit = await openTask(cast.coordinator.api, cast.creditCode, 'ADMIT');
    await expectOk(cast.coordinator.api.post(`/api/tasks/${admit.id}/return`, { reason: '请再核实' }));
    const id = lifecycleWorkflowId(cast.creditCode);
    const history = await (await temporalClient()).workflow.getHandle(id).fetchHistory();
    exportHistory(id, 'approval-actions.json');
    // The 加签 handler's second check, asked once (countersign-before-recheck.json: a run before it).
    expect(patchMarkers(history).filter((p) => p.includes(COUNTERSIGN_RECHECK_PATCH))).toHaveLength(1);
    await expect(Worker.runReplayHistory(BUNDLE, history, id)).resolves.toBeUndefined();
  });

  // A review's note on a problem enters its progress behind a patch of its own, asked mid-run.
  it("replays a review that wrote its note into a problem's progress (the patch's marker in it)", async () => {
    const cast = await createCast('500113', 'T2');
    await driveToSupporting(cast);
    const { problems } = await expectOk(cast.coordinator.api.get(`/api/enterprises/${cast.creditCode}`));
    await reportQuarter(cast, '2026Q3');
    await expectOk(
      complete(cast.industry.api, cast.creditCode, 'QUARTERLY_REVIEW', 'continue', {
        problemUpdates: [{ problemId: problems[0].id, status: 'in_progress', note: '已走访' }],
      }),
    );
    const id = lifecycleWorkflowId(cast.creditCode);
    const history = await (await temporalClient()).workflow.getHandle(id).fetchHistory();
    const patches = patchMarkers(history);
    expect(patches.filter((p) => p.includes(REVIEW_PROGRESS_PATCH))).toHaveLength(1);
    exportHistory(id, 'review-progress.json');
    await expect(Worker.runReplayHistory(BUNDLE, history, id)).resolves.toBeUndefined();
  });

  // Calendar-day deadlines end with the day, rolled past rest days, behind a patch asked once at
  // the start of the run (it implies calendar-days-end-with-the-day, which a new run no longer asks).
  it('replays a lifecycle whose tasks are due at the end of the day (the patch asked once, at its start)', async () => {
    const cast = await createCast('500113', 'T2');
    await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
    await expectOk(
      complete(cast.coordinator.api, cast.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }),
    );
    const id = lifecycleWorkflowId(cast.creditCode);
    const history = await (await temporalClient()).workflow.getHandle(id).fetchHistory();
    const markers = patchMarkers(history);
    expect(markers.filter((p) => p.includes(CALENDAR_DAYS_ROLL_PATCH))).toHaveLength(1);
    expect(markers.filter((p) => p.includes(CALENDAR_DAYS_PATCH))).toHaveLength(0);
    // Recorded in the run's first activation, before any local activity (patches.ts says why).
    const events = history.events!;
    const patchAt = events.findIndex((e) =>
      patchMarkers({ events: [e] }).some((p) => p.includes(CALENDAR_DAYS_ROLL_PATCH)),
    );
    const firstLocalActivity = events.findIndex(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    );
    expect(patchAt).toBeGreaterThan(-1);
    expect(patchAt).toBeLessThan(firstLocalActivity);
    exportHistory(id, 'calendar-days.json');
    await expect(Worker.runReplayHistory(BUNDLE, history, id)).resolves.toBeUndefined();
  });

  // A SCREEN whose last day is a holiday of the carried calendar: recorded before the roll as
  // test/histories/calendar-day-holiday-before-roll.json (its reminder due at once), with it as
  // calendar-days-rolled-v1.json (the reminder at 09:00 of the first working day after them).
  it('replays a lifecycle whose task rolled past holidays (the reminder not due at once)', async () => {
    const cast = await createCast('500113', 'T2');
    const { handle } = await startBeforeHolidays(cast);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the old code reminded by now
    const history = await handle.fetchHistory();
    expect(patchMarkers(history).filter((p) => p.includes(CALENDAR_DAYS_ROLL_PATCH))).toHaveLength(1);
    const localActivities = history.events!.filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    );
    exportHistory(handle.workflowId, 'calendar-days-rolled.json');
    await expect(Worker.runReplayHistory(BUNDLE, history, handle.workflowId)).resolves.toBeUndefined();
    // The projection of the nomination only: no reminder's notice.
    expect(localActivities).toHaveLength(1);
  });

  // A whistle answered "resolved" opens a close request behind a patch asked mid-run; the review
  // closes the problem out (kept as whistle-resolved-v2-close-review.json; v1 is from before it).
  it('replays a whistle answered resolved and the 销号 review it opened (the patch’s marker in it)', async () => {
    const cast = await createCast('500113', 'T2');
    await driveToSupporting(cast, { problems: [problem({ ownerDepartment: 'industry' })] });
    await blowWhistleOnFirstProblem(cast);
    await expectOk(
      complete(cast.industry.api, cast.creditCode, 'WHISTLE_RESPONSE', 'respond', {
        response: '已将贵司列入12月18日产需对接会推介名单',
        resolved: true,
      }),
    );
    await expectOk(
      complete(cast.coordinator.api, cast.creditCode, 'PROBLEM_CLOSE', 'confirm', { opinion: '同意销号' }),
    );
    const id = lifecycleWorkflowId(cast.creditCode);
    const history = await (await temporalClient()).workflow.getHandle(id).fetchHistory();
    expect(patchMarkers(history).filter((p) => p.includes(WHISTLE_CLOSE_REVIEW_PATCH))).toHaveLength(1);
    exportHistory(id, 'whistle-close-review.json');
    await expect(Worker.runReplayHistory(BUNDLE, history, id)).resolves.toBeUndefined();
  });

  // A whistle on a problem awaiting its 销号 review, answered "not resolved": the close request is
  // withdrawn (kept as whistle-unresolved-withdraws-close.json; whistle-unresolved-v1.json is from
  // before the patch, when the PROBLEM_CLOSE was cancelled without a word).
  it('replays a whistle answered not resolved on a problem awaiting its 销号 review', async () => {
    const cast = await createCast('500113', 'T2');
    await driveToSupporting(cast, { problems: [problem({ ownerDepartment: 'industry' })] });
    const { problems } = await expectOk(cast.industry.api.get(`/api/enterprises/${cast.creditCode}`));
    await expectOk(
      cast.industry.api.post(`/api/problems/${problems[0].id}/close-request`, {
        summary: '已对接银行，贷款已获批',
      }),
      201,
    );
    await blowWhistleOnFirstProblem(cast);
    await expectOk(
      complete(cast.industry.api, cast.creditCode, 'WHISTLE_RESPONSE', 'respond', {
        response: '经核实贷款尚未放款，继续协调',
        resolved: false,
      }),
    );
    const id = lifecycleWorkflowId(cast.creditCode);
    const history = await (await temporalClient()).workflow.getHandle(id).fetchHistory();
    const markers = patchMarkers(history).filter((p) => p.includes(WHISTLE_UNRESOLVED_WITHDRAWS_CLOSE_PATCH));
    expect(markers).toHaveLength(1);
    exportHistory(id, 'whistle-unresolved-withdraws-close.json');
    await expect(Worker.runReplayHistory(BUNDLE, history, id)).resolves.toBeUndefined();
  });

  // A whistle on a new problem puts it in the ledger, then its department answers with the problem's
  // measures and target (kept as whistle-new-problem.json; whistle-new-problem-before-due.json is
  // from before the problem got a due date a period ahead, whistle-new-problem-v1.json from before
  // the answer set the plan: both replay with the problem's plan left empty).
  it('replays a whistle on a new problem and its answer', async () => {
    const cast = await createCast('500113', 'T2');
    await driveToSupporting(cast, { problems: [problem({ ownerDepartment: 'industry' })] });
    await expectOk(
      cast.enterprise.api.post(`/api/enterprises/${cast.creditCode}/whistle`, {
        title: '扩产用地无法落实',
        description: '园区用地指标不足，影响二期投产',
      }),
      201,
    );
    await expectOk(
      complete(cast.industry.api, cast.creditCode, 'WHISTLE_RESPONSE', 'respond', {
        response: '已协调规划部门',
        resolved: false,
        measures: '协调规划部门调剂用地指标',
        target: '年内落实二期用地',
      }),
    );
    const id = lifecycleWorkflowId(cast.creditCode);
    const history = await (await temporalClient()).workflow.getHandle(id).fetchHistory();
    expect(patchMarkers(history).filter((p) => p.includes(WHISTLE_NEW_PROBLEM_DUE_PATCH))).toHaveLength(1);
    exportHistory(id, 'whistle-new-problem.json');
    await expect(Worker.runReplayHistory(BUNDLE, history, id)).resolves.toBeUndefined();
  });

  // 一企一策 set while the problem is worked (the patch's marker), refused once it is resolved:
  // resolved-handling-before-patch.json is from before the patch, when the coordinator set a
  // resolved problem's handling (200). Without the patch the handler now refuses it there, and
  // that history's replay fails (nondeterminism at the Update's projection).
  it('replays a handling set on a worked problem and refused on the resolved one (the patch’s marker in it)', async () => {
    const cast = await createCast('500113', 'T2');
    await driveToSupporting(cast, { problems: [problem({ ownerDepartment: 'industry' })] });
    const { problems } = await expectOk(cast.industry.api.get(`/api/enterprises/${cast.creditCode}`));
    const url = `/api/problems/${problems[0].id}`;
    await expectOk(cast.coordinator.api.patch(url, { handling: 'one_enterprise_one_policy' }));
    await expectOk(
      cast.industry.api.post(`${url}/close-request`, { summary: '已对接银行，贷款已获批' }),
      201,
    );
    await expectOk(
      complete(cast.coordinator.api, cast.creditCode, 'PROBLEM_CLOSE', 'confirm', { opinion: '同意销号' }),
    );
    const late = await cast.coordinator.api.patch(url, { handling: 'one_matter_one_discussion' });
    expect([late.status, late.body.code]).toEqual([422, 'PROBLEM_RESOLVED']);
    const id = lifecycleWorkflowId(cast.creditCode);
    const history = await (await temporalClient()).workflow.getHandle(id).fetchHistory();
    expect(patchMarkers(history).filter((p) => p.includes(RESOLVED_HANDLING_PATCH))).toHaveLength(1);
    exportHistory(id, 'resolved-handling.json');
    await expect(Worker.runReplayHistory(BUNDLE, history, id)).resolves.toBeUndefined();
  });

  // withdraw-race-before-patch.json, recorded with the code before patch withdraw-since: the
  // enterprise's 撤回 of ENTERPRISE_CONFIRM accepted, then the district's claim of its feedback
  // came in the same activation while the withdrawal read the policy, and the withdrawal failed
  // WITHDRAW_TOO_LATE. Without the patch the code now takes it back there, and the replay fails
  // (nondeterminism at the Update's completion).
  // countersign-race-before-patch.json, recorded with the code before patch
  // countersign-handler-rechecks (test/lifecycle/countersign-race.test.ts): two 加签 naming the
  // same person delivered in one activation, both validated, both opened a COUNTERSIGN task for
  // them. Re-checked without the patch, the second fails instead, and the replay fails likewise;
  // countersign-race-v1.json is the same race with the patch (the second refused by its handler).
  // withdraw-twice-race-before.json and withdraw-completion-race-before.json, recorded before the
  // losers of those races read TASK_NOT_DONE / TASK_CANCELLED (test/lifecycle/approval-races.test.ts):
  // two 撤回, and a 撤回 and the next officer's completion, both accepted in one activation, the
  // later refused by the withdraw handler's re-check (WITHDRAW_TOO_LATE then). The handler now
  // throws another code at the same point and records nothing else: they replay unpatched.
  const recorded = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));
  it('has recorded histories to guard', () => {
    expect(recorded.length).toBeGreaterThan(0);
  });

  it.each(recorded)('replays %s', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    await expect(Worker.runReplayHistory(BUNDLE, history, file)).resolves.toBeUndefined();
  });
});
