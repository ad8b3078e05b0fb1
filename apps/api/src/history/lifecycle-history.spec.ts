import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { sentenceCase } from '@hardtech/domain/history-labels';
import { readLifecycleHistory } from './lifecycle-history';

// Recorded lifecycles (test/histories/) read back as entries: the reader works on histories made
// before projection receipts existed, from the Updates, signals and search-attribute upserts.
const HISTORIES = join(__dirname, '../../../../test/histories');
const decode = (p: unknown) => defaultPayloadConverter.fromPayload(p as any);
const read = (file: string) => {
  const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
  return readLifecycleHistory([{ runId: 'run-1', events: history.events! }], decode);
};

describe('readLifecycleHistory on recorded histories', () => {
  // The graduation paths; the other recorded histories (approval actions, urges, the yearly cycle)
  // take other paths and are replayed by test/replay.
  it.each(readdirSync(HISTORIES).filter((f) => f.startsWith('graduation') && f.endsWith('.json')))(
    '%s: every step of a graduation, with its actor, in order',
    (file) => {
      const entries = read(file);
      const steps = entries
        .filter((e) =>
          ['nominated', 'task.completed', 'quarter.ticked', 'lifecycle.ended'].includes(e.action),
        )
        .map((e) => [e.action, e.data.taskType ?? null, e.data.outcome ?? null, e.data.actorRole ?? null]);
      // Opened by the tick: histories recorded before projection receipts do not name its type.
      const reportType = steps[7]?.[1] ?? null;
      expect([null, 'QUARTERLY_REPORT']).toContain(reportType);
      // Human steps carry the actor (and role) the API put into the Update; the tick is the system's.
      expect(steps).toEqual([
        ['nominated', null, null, 'district_officer'],
        ['task.completed', 'SCREEN', 'pass', 'city_coordinator'],
        ['task.completed', 'DISTRICT_FEEDBACK', 'support', 'district_officer'],
        ['task.completed', 'ENTERPRISE_CONFIRM', 'confirm', 'enterprise_user'],
        ['task.completed', 'ADMIT', 'admit', 'city_coordinator'],
        ['task.completed', 'DIAGNOSE', 'submit', 'commissioner'],
        ['quarter.ticked', null, null, null],
        ['task.completed', reportType, 'submit', 'enterprise_user'],
        ['task.completed', 'QUARTERLY_REVIEW', 'recommend_graduation', 'industry_officer'],
        ['task.completed', 'GRADUATION_REVIEW', 'graduate', 'city_coordinator'],
        ['lifecycle.ended', null, null, null],
      ]);
      const humans = entries.filter((e) => ['nominated', 'task.completed'].includes(e.action));
      expect(humans.every((e) => e.actor && e.actor !== 'system')).toBe(true);
      const stages = entries.filter((e) => e.action === 'stage.changed').map((e) => e.data.to);
      expect(stages).toEqual([
        'screening',
        'feedback',
        'admission',
        'diagnosis',
        'supporting',
        'graduation_review',
        'graduated',
      ]);
      expect(entries.find((e) => e.action === 'quarter.ticked')!.actor).toBe('system');
      const times = entries.map((e) => e.at);
      expect([...times].sort()).toEqual(times);
      expect(entries.every((e) => e.runId === 'run-1' && e.lifecycleNo === 1)).toBe(true);
    },
  );

  it('names the completion and the stage change in both languages', () => {
    const entries = read('graduation-v2-pool-seat.json');
    expect(entries.find((e) => e.data.taskType === 'SCREEN' && e.action === 'task.completed')!.label).toEqual(
      {
        zh: '市级筛选：通过筛选',
        en: 'City screening: pass',
      },
    );
    expect(entries.find((e) => e.action === 'pool.seat_reserved')).toMatchObject({
      data: { capacity: 300 },
    });
  });
});

// The ledger scope reads a whistle and its 部门报到 by the problem (visibility/ledger-scope.ts): the
// whistle's Update result names both, in the first recorded whistles too, where the request names
// no problem (a new one) and the 部门报到's row may name none (before tasks.problem_id).
describe('a whistle in the history', () => {
  it.each(['whistle-new-problem-v1.json', 'whistle-resolved-v1.json'])(
    '%s: names its problem and the 部门报到 it opened',
    (file) => {
      const entries = read(file);
      const whistle = entries.find((e) => e.action === 'whistle.blown')!;
      const response = entries.find(
        (e) => e.action === 'task.created' && e.data.taskType === 'WHISTLE_RESPONSE',
      )!;
      expect(whistle.data.problemId).toEqual(expect.any(String));
      expect(whistle.data.taskId).toBe(response.data.taskId);
    },
  );
});

// Every line of every recorded lifecycle in English, as the timeline shows it: one capital, the first
// (names and titles written by people, and the notices' own sentences, aside). The timeline read
// "task opened: City screening" beside "City screening: Pass" (the walk).
describe('the English lines of every recorded history', () => {
  // Notices (reminders, escalations, urges, copies) carry the sentence they were sent with, names
  // and dates in it: written by libs/domain/src/notifications.ts, not a history line.
  const NOTICES = new Set(['notification']);
  it.each(readdirSync(HISTORIES).filter((f) => f.endsWith('.json')))('%s', (file) => {
    const lines = read(file)
      .filter((e) => !NOTICES.has(String(e.data.kind)))
      .map((e) => e.label.en);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((en) => !sentenceCase(en))).toEqual([]);
  });
});

describe('readLifecycleHistory on the events of newer workflow code', () => {
  const p = (value: unknown) => defaultPayloadConverter.toPayload(value) as any;
  let id = 0;
  const event = (
    seconds: number,
    attributes: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => ({
    eventId: ++id,
    eventTime: { seconds, nanos: 0 },
    ...attributes,
    ...extra,
  });
  const localActivity = (seconds: number, type: string, result: unknown) =>
    event(seconds, {
      markerRecordedEventAttributes: {
        markerName: 'core_local_activity',
        details: { data: { payloads: [p({ activity_type: type })] }, result: { payloads: [p(result)] } },
      },
    });
  const actor = (username: string) => ({ username, role: 'district_officer', scope: {} });
  const receipt = (over: Record<string, unknown>) => ({
    kind: 'projection',
    lifecycleNo: 1,
    seq: 1,
    stage: 'feedback',
    actor: null,
    opened: [],
    closed: [],
    assigned: [],
    ...over,
  });

  /** A run continued as new from run-0 at 100 s, with its state, open tasks and transitions carried. */
  const continued = (stateValue: unknown, tasks: { id: string; type: string }[], transitions: number) =>
    event(100, {
      workflowExecutionStartedEventAttributes: {
        input: {
          payloads: [
            p({
              lifecycleNo: 1,
              nominatedBy: actor('nominator'),
              nomination: { creditCode: 'X' },
              carried: { stateValue, context: {}, tasks, transitions, runsBefore: 1, closedTaskIds: [] },
            }),
          ],
        },
        continuedExecutionRunId: 'run-0',
      },
    });

  it('reads receipts, cancellations, timers, refused updates and activities it does not know', () => {
    const events = [
      continued(
        { feedback: { district: 'pending', enterprise: 'pending' } },
        [
          { id: 't-district', type: 'DISTRICT_FEEDBACK' },
          { id: 't-enterprise', type: 'ENTERPRISE_CONFIRM' },
        ],
        3,
      ),
      event(
        101,
        { timerStartedEventAttributes: { timerId: '7', startToFireTimeout: { seconds: 86400 } } },
        {
          userMetadata: { summary: p('DISTRICT_FEEDBACK reminder') },
        },
      ),
      event(102, { timerFiredEventAttributes: { timerId: '7' } }),
      localActivity(102, 'notify', {
        kind: 'reminder',
        label: { zh: '催办提醒', en: 'reminder sent' },
        taskId: 't-district',
        to: ['district_officer:district:500112'],
      }),
      event(103, {
        workflowExecutionUpdateAcceptedEventAttributes: {
          acceptedRequest: {
            meta: { updateId: 'u1' },
            input: {
              name: 'completeTask',
              args: {
                payloads: [
                  p({
                    taskId: 't-district',
                    outcome: 'oppose',
                    data: { opinion: '不同意' },
                    actor: actor('officer'),
                  }),
                ],
              },
            },
          },
        },
      }),
      event(103, {
        upsertWorkflowSearchAttributesEventAttributes: {
          searchAttributes: { indexedFields: { Stage: p('rejected') } },
        },
      }),
      localActivity(
        103,
        'project',
        receipt({
          stage: 'rejected',
          actor: 'officer',
          closed: [
            { id: 't-district', status: 'done', outcome: 'oppose', completedBy: 'officer' },
            { id: 't-enterprise', status: 'cancelled', outcome: null, completedBy: null },
          ],
        }),
      ),
      event(103, {
        workflowExecutionUpdateCompletedEventAttributes: {
          meta: { updateId: 'u1' },
          outcome: { success: { payloads: [p({ stage: 'rejected', nextTasks: [] })] } },
        },
      }),
      event(104, {
        workflowExecutionUpdateAcceptedEventAttributes: {
          acceptedRequest: {
            meta: { updateId: 'u2' },
            input: {
              name: 'completeTask',
              args: {
                payloads: [p({ taskId: 't-enterprise', outcome: 'confirm', data: {}, actor: actor('ent') })],
              },
            },
          },
        },
      }),
      event(104, {
        workflowExecutionUpdateCompletedEventAttributes: {
          meta: { updateId: 'u2' },
          outcome: {
            failure: {
              message: 'the task was cancelled',
              applicationFailureInfo: { type: 'TASK_CANCELLED' },
            },
          },
        },
      }),
      event(105, {
        workflowExecutionSignaledEventAttributes: {
          signalName: 'whistle',
          input: { payloads: [p({ title: '用地', actor: actor('ent') })] },
        },
      }),
      event(106, {
        workflowExecutionTerminatedEventAttributes: { identity: 'ops@host', reason: 'duplicate' },
      }),
    ];
    const entries = readLifecycleHistory([{ runId: 'run-1', events: events as any }], decode);
    expect(entries.map((e) => [e.action, e.actor, e.data.taskType ?? null])).toEqual([
      ['lifecycle.continued', 'system', null],
      ['timer.fired', 'system', null],
      ['reminder', 'system', null],
      ['task.completed', 'officer', 'DISTRICT_FEEDBACK'],
      ['stage.changed', 'officer', null],
      ['task.cancelled', 'system', 'ENTERPRISE_CONFIRM'],
      ['task.completion_failed', 'ent', 'ENTERPRISE_CONFIRM'],
      ['signal.whistle', 'ent', null],
      ['lifecycle.terminated', 'ops@host', null],
    ]);
    expect(entries[0].data).toMatchObject({ previousRunId: 'run-0', runsBefore: 1, transitions: 3 });
    expect(entries[1].data).toEqual({
      timerId: '7',
      afterMs: 86_400_000,
      summary: 'DISTRICT_FEEDBACK reminder',
    });
    expect(entries[2]).toMatchObject({ label: { zh: '催办提醒' }, data: { taskId: 't-district' } });
    expect(entries[4].data).toEqual({ from: 'feedback', to: 'rejected' });
    expect(entries[6].data).toMatchObject({ failure: 'TASK_CANCELLED', message: 'the task was cancelled' });
    expect(entries[7].data).toEqual({ title: '用地' });
    expect(entries.map((e) => e.at)).toEqual(
      [100, 102, 102, 103, 103, 103, 104, 105, 106].map((s) => new Date(s * 1000).toISOString()),
    );
  });

  it('names 退回, 撤回 and 加签 in both languages, with a proxy’s byline and without the policy', () => {
    const accepted = (seconds: number, updateId: string, name: string, arg: unknown) =>
      event(seconds, {
        workflowExecutionUpdateAcceptedEventAttributes: {
          acceptedRequest: { meta: { updateId }, input: { name, args: { payloads: [p(arg)] } } },
        },
      });
    const coordinator = (username: string, displayName: string) => ({
      username,
      displayName,
      role: 'city_coordinator',
      scope: {},
    });
    const events = [
      continued('admission', [{ id: 't-admit', type: 'ADMIT' }], 5),
      accepted(101, 'u-return', 'returnTask', {
        taskId: 't-admit',
        reason: '请核实',
        actor: coordinator('li', '李四'),
        onBehalfOf: coordinator('zhang', '张三'),
        policy: { version: 3, sla: {} },
      }),
      accepted(102, 'u-withdraw', 'withdrawTask', {
        taskId: 't-admit',
        actor: coordinator('zhang', '张三'),
        commented: [],
        policy: { version: 3 },
      }),
      accepted(103, 'u-countersign', 'countersign', {
        taskId: 't-admit',
        actor: coordinator('zhang', '张三'),
        users: [coordinator('wang', '王五'), coordinator('zhao', '赵六')],
        mode: 'any',
        note: '请阅',
        policy: { version: 3 },
      }),
    ];
    const entries = readLifecycleHistory([{ runId: 'run-1', events: events as any }], decode).slice(1);
    expect(entries.map((e) => [e.action, e.actor, e.label.zh])).toEqual([
      ['task.returned', 'li', '纳入帮扶库：退回'],
      ['task.withdrawn', 'zhang', '纳入帮扶库：撤回'],
      ['task.countersign_requested', 'zhang', '纳入帮扶库：加签 王五、赵六（或签）'],
    ]);
    expect(entries[0].data).toEqual({
      taskId: 't-admit',
      taskType: 'ADMIT',
      actorRole: 'city_coordinator',
      reason: '请核实',
      onBehalfOf: 'zhang',
      byline: { zh: '李四（代 张三）', en: '李四 (for 张三)' },
    });
    expect(entries[2].data).toMatchObject({ users: ['wang', 'zhao'], mode: 'any', note: '请阅' });
    expect(entries.every((e) => !('policy' in e.data))).toBe(true);
  });
});
