import { sampleHistoryEntry } from '../samples';
import { closingReasonClass, closingReasonVisible, visibleEndReason } from './closing';
import { visibleClosing, visibleDiagnosis } from './facts';
import { TASK_TYPES } from '../task-types';
import { HISTORY_LABELS } from '../history-labels';
import { ENTERPRISE_UNSEEN_STEPS, visibleHistory, visibleHistoryEntry } from './history';
import { ENTERPRISE_TASK_TYPES } from './step-fields';
import { taskMaterialVisible } from './task-material';

const MARK = 'MARK-history';

const entry = sampleHistoryEntry;

const screened = entry('task.completed', 'coord', {
  taskId: 't1',
  taskType: 'SCREEN',
  outcome: 'pass',
  actorRole: 'city_coordinator',
  data: { judgments: { C2: { affirmed: true, note: MARK } }, note: MARK },
});

describe('visibleHistoryEntry', () => {
  it('gives officers the entry unchanged', () => {
    expect(visibleHistoryEntry('city_coordinator', screened)).toBe(screened);
  });

  it("keeps an officer's step data, name and role from the enterprise; keeps the outcome", () => {
    const seen = visibleHistoryEntry('enterprise_user', screened)!;
    expect(seen.actor).toBeNull();
    expect(seen.data).toEqual({ taskId: 't1', taskType: 'SCREEN', outcome: 'pass', data: {} });
    expect(JSON.stringify(seen)).not.toContain(MARK);
    expect(JSON.stringify(seen)).not.toContain('coord');
  });

  it("gives the enterprise of an officer's opinion only that it was done, in its line too", () => {
    const opposed = {
      ...entry('task.completed', 'd1', {
        taskId: 't2',
        taskType: 'DISTRICT_FEEDBACK',
        outcome: 'oppose',
        actorRole: 'district_officer',
        data: { opinion: MARK },
      }),
      label: { zh: '区县反馈意见：不同意', en: 'District feedback: Oppose' },
    };
    const seen = visibleHistoryEntry('enterprise_user', opposed)!;
    expect(seen).toMatchObject({
      actor: null,
      label: { zh: '区县反馈意见：已办理', en: 'District feedback: done' },
      data: { taskId: 't2', taskType: 'DISTRICT_FEEDBACK', outcome: 'done', data: {} },
    });
    expect(JSON.stringify(seen)).not.toMatch(/不同意|oppose|Oppose|MARK/);
    expect(visibleHistoryEntry('sme_officer', opposed)).toMatchObject({
      label: opposed.label,
      data: { outcome: 'oppose' },
    });
    expect(visibleHistoryEntry('district_officer', opposed)).toBe(opposed);
  });

  it("redacts a refused completion's data for departments too", () => {
    const failed = { ...screened, action: 'task.completion_failed' };
    expect(JSON.stringify(visibleHistoryEntry('sme_officer', failed))).not.toContain(MARK);
    expect(visibleHistoryEntry('enterprise_user', failed)).toBeNull();
  });

  it('tells the enterprise a whistle went to the department in its terms, not as the officers’ 生成待办', () => {
    const opened = {
      ...entry('task.created', 'system', { taskId: 't9', taskType: 'WHISTLE_RESPONSE' }),
      label: { zh: '生成待办：企业吹哨·部门报到', en: 'task opened: Whistle response' },
    };
    expect(visibleHistoryEntry('enterprise_user', opened)!.label).toEqual({
      zh: '已通知责任部门报到',
      en: 'The responsible department was asked to respond',
    });
    // Officers read the task they work; another task opened keeps its line for the enterprise.
    expect(visibleHistoryEntry('finance_officer', opened)!.label).toEqual(opened.label);
    expect(visibleHistoryEntry('city_coordinator', opened)).toBe(opened);
    const own = { ...opened, data: { taskId: 't8', taskType: 'ENTERPRISE_CONFIRM' } };
    expect(visibleHistoryEntry('enterprise_user', own)!.label).toEqual(opened.label);
  });

  it('names every officers’ step opened in the enterprise’s terms, and no 加签 at all', () => {
    const opened = (taskType: string) => ({
      ...entry('task.created', 'system', { taskId: 't1', taskType }),
      label: { zh: `生成待办：${taskType}`, en: `task opened: ${taskType}` },
    });
    for (const type of TASK_TYPES.filter((type) => !ENTERPRISE_TASK_TYPES.includes(type))) {
      // Each officers' step is decided: named in the enterprise's terms or not read at all.
      expect([
        type,
        !!HISTORY_LABELS.taskOpenedToEnterprise(type) !== ENTERPRISE_UNSEEN_STEPS.includes(type),
      ]).toEqual([type, true]);
      const seen = visibleHistoryEntry('enterprise_user', opened(type));
      if (type === 'COUNTERSIGN') expect(seen).toBeNull();
      else expect(seen!.label.zh).not.toMatch(/生成待办/);
      expect(visibleHistoryEntry('city_coordinator', opened(type))!.label.zh).toBe(`生成待办：${type}`);
    }
    for (const type of ENTERPRISE_TASK_TYPES) {
      expect(visibleHistoryEntry('enterprise_user', opened(type))!.label.zh).toBe(`生成待办：${type}`);
    }
    const answered = entry('task.completed', 'colleague', {
      taskId: 't2',
      taskType: 'COUNTERSIGN',
      outcome: 'done',
      data: { opinion: MARK },
    });
    expect(visibleHistoryEntry('enterprise_user', answered)).toBeNull();
    expect(visibleHistoryEntry('city_coordinator', answered)).toBe(answered);
  });

  it("names the enterprise's own user to it, and drops the officer behind a stage change", () => {
    const own = entry('whistle.blown', 'ent-a', { title: 't', actorRole: 'enterprise_user' });
    expect(visibleHistoryEntry('enterprise_user', own)).toEqual(own);
    expect(
      visibleHistoryEntry('enterprise_user', entry('stage.changed', 'coord', { to: 'feedback' }))!.actor,
    ).toBeNull();
  });

  it('hides a rejected lifecycle end reason (it may be the district opinion), shows an exit reason', () => {
    const rejected = entry('lifecycle.ended', 'system', { stage: 'rejected', reason: MARK });
    expect(visibleHistoryEntry('enterprise_user', rejected)!.data.reason).toBeNull();
    expect(visibleHistoryEntry('auditor', rejected)!.data.reason).toBe(MARK);
    const exited = entry('lifecycle.ended', 'system', { stage: 'exited', reason: 'relocated' });
    expect(visibleHistoryEntry('enterprise_user', exited)!.data.reason).toBe('relocated');
  });

  it('keeps the data of entries it does not know from non-officers', () => {
    const unknown = entry('update.somethingNew', 'coord', { note: MARK });
    expect(visibleHistoryEntry('finance_officer', unknown)!.data).toEqual({});
    expect(visibleHistoryEntry('enterprise_user', unknown)).toBeNull();
    expect(visibleHistory('enterprise_user', [unknown, screened])).toHaveLength(1);
  });
});

describe('closing reasons', () => {
  it('classes an end reason by the field the statechart took it from', () => {
    expect(closingReasonClass('reject')).toBe('decision_reason');
    expect(closingReasonClass('oppose')).toBe('deliberation');
    expect(closingReasonClass('decline')).toBe('submission');
    expect(closingReasonClass('exit')).toBe('decision_reason');
    expect(closingReasonClass('no-such-outcome')).toBe('deliberation');
  });

  it('shows the enterprise a rejection reason but not the district opinion that ended it', () => {
    expect(closingReasonVisible('enterprise_user', { stage: 'rejected', outcome: 'reject' })).toBe(true);
    expect(closingReasonVisible('enterprise_user', { stage: 'rejected', outcome: 'oppose' })).toBe(false);
    expect(closingReasonVisible('sme_officer', { stage: 'rejected', outcome: 'oppose' })).toBe(false);
    expect(closingReasonVisible('leader', { stage: 'rejected', outcome: 'oppose' })).toBe(true);
  });

  it('judges every place an ending is read by the event that ended it, one rule', () => {
    const ending = (outcome: string | null) => ({ stage: 'rejected', outcome, reason: MARK });
    // What the enterprise is owed: 不予入库, 不予纳入, its own 不参加 note; not the district's opinion.
    expect(visibleEndReason('enterprise_user', ending('SCREEN.reject'))).toBe(MARK);
    expect(visibleEndReason('enterprise_user', ending('ADMIT.reject'))).toBe(MARK);
    expect(visibleEndReason('enterprise_user', ending('ENTERPRISE_CONFIRM.decline'))).toBe(MARK);
    expect(visibleEndReason('enterprise_user', ending('DISTRICT_FEEDBACK.oppose'))).toBeNull();
    expect(visibleEndReason('finance_officer', ending('DISTRICT_FEEDBACK.oppose'))).toBeNull();
    expect(visibleEndReason('district_officer', ending('DISTRICT_FEEDBACK.oppose'))).toBe(MARK);
    // Unknown event (a row recorded before the projection kept it): a rejection stays hidden.
    expect(visibleEndReason('enterprise_user', ending(null))).toBeNull();
    expect(visibleEndReason('enterprise_user', { stage: 'exited', reason: 'withdrew' })).toBe('withdrew');
    // An outcome named by an unknown task type falls back to the outcome across types.
    expect(visibleEndReason('enterprise_user', ending('NOT_A_TYPE.oppose'))).toBeNull();
  });

  it("judges the history's lifecycle.ended by the step completed last before it", () => {
    const ended = entry('lifecycle.ended', 'system', { stage: 'rejected', reason: MARK });
    const step = (taskType: string, outcome: string) =>
      entry('task.completed', 'x', { taskType, outcome, actorRole: 'city_coordinator', data: {} });
    const reasonAfter = (taskType: string, outcome: string) =>
      visibleHistory('enterprise_user', [step(taskType, outcome), ended]).at(-1)!.data.reason;
    expect(reasonAfter('SCREEN', 'reject')).toBe(MARK);
    expect(reasonAfter('DISTRICT_FEEDBACK', 'oppose')).toBeNull();
    expect(visibleHistory('enterprise_user', [ended])[0].data.reason).toBeNull();
  });
});

describe('taskMaterialVisible', () => {
  it("keeps files and comments of officers' steps from the enterprise and departments", () => {
    expect(taskMaterialVisible('enterprise_user', 'SCREEN')).toBe(false);
    expect(taskMaterialVisible('sme_officer', 'DISTRICT_FEEDBACK')).toBe(false);
    expect(taskMaterialVisible('city_coordinator', 'SCREEN')).toBe(true);
  });

  it("gives the enterprise its own steps' material and departments the whistle replies", () => {
    expect(taskMaterialVisible('enterprise_user', 'QUARTERLY_REPORT')).toBe(true);
    expect(taskMaterialVisible('finance_officer', 'WHISTLE_RESPONSE')).toBe(true);
    expect(taskMaterialVisible('finance_officer', 'NOT_A_TYPE')).toBe(false);
  });
});

describe('visibleDiagnosis and visibleClosing', () => {
  const diagnosis = { portrait: { tech: { score: 2, note: MARK } }, by: 'comm', at: '2026-01-01' };

  it('never gives the enterprise or departments a portrait key', () => {
    expect(visibleDiagnosis('enterprise_user', diagnosis)).toEqual({ by: null, at: '2026-01-01' });
    expect(visibleDiagnosis('sme_officer', diagnosis)).toEqual({ by: 'comm', at: '2026-01-01' });
    expect(visibleDiagnosis('commissioner', diagnosis)).toBe(diagnosis);
  });

  it("keeps the district's opposing opinion, even as an outcome, and the decider from the enterprise", () => {
    // As the statechart's `close` records it: the event, <TYPE>.<outcome>.
    const closing = {
      stage: 'rejected',
      outcome: 'DISTRICT_FEEDBACK.oppose',
      reason: MARK,
      by: 'district',
      at: 'x',
    };
    expect(visibleClosing('enterprise_user', closing)).toEqual({
      ...closing,
      outcome: 'DISTRICT_FEEDBACK.done',
      reason: null,
      by: null,
    });
    expect(visibleClosing('sme_officer', closing)).toMatchObject({
      outcome: 'DISTRICT_FEEDBACK.oppose',
      reason: null,
    });
    expect(visibleClosing('district_officer', closing)).toBe(closing);
    const reject = { ...closing, outcome: 'SCREEN.reject', reason: '不符合条件' };
    expect(visibleClosing('enterprise_user', reject)).toEqual({ ...reject, by: null });
  });
});
