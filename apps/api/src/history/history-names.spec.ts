import { HistoryEntry, t, visibleHistoryEntry } from '@hardtech/domain';
import { namedHistoryEntry, peopleNamedIn, peopleOfHistory, withCopiesNamed } from './history-names';

const entry = (action: string, actor: string | null, data: Record<string, unknown>): HistoryEntry => ({
  at: '2026-07-01T08:00:00.000Z',
  actor,
  action,
  data,
  label: t(action, action),
  lifecycleNo: 1,
  runId: 'run-1',
  eventId: 1,
});
const NAMES = new Map([
  ['li', '科技处 李明'],
  ['chen', '企业服务专员 陈静'],
  ['zhao', '渝北区 赵强'],
  ['wang', '电子信息处 王芳'],
]);
const admitted = entry('task.completed', 'li', {
  taskType: 'ADMIT',
  outcome: 'admit',
  actorRole: 'city_coordinator',
  data: { leadCluster: 'T2', commissioner: 'chen', districtLiaison: 'zhao', reason: '符合' },
});

describe('history entries name people by name', () => {
  it('finds the people of delegations, copies, countersignatures, proxies and a step’s user fields', () => {
    expect(peopleNamedIn(admitted)).toEqual(['chen', 'zhao']);
    expect(peopleNamedIn(entry('task.delegated', 'li', { taskType: 'SCREEN', to: 'wang' }))).toEqual([
      'wang',
    ]);
    expect(peopleNamedIn(entry('task.claimed', 'li', { taskType: 'SCREEN', to: null }))).toEqual([]);
    // A stage change's `to` is a stage; an activity's result may carry anything under `users`.
    expect(peopleNamedIn(entry('stage.changed', 'li', { from: 'feedback', to: 'admission' }))).toEqual([]);
    expect(peopleNamedIn(entry('task.reminded', 'system', { users: ['li'] }))).toEqual([]);
    expect(peopleNamedIn(entry('task.cc', 'li', { users: ['wang', 'chen'] }))).toEqual(['wang', 'chen']);
    expect(
      peopleNamedIn(
        entry('task.completed', 'wang', {
          taskType: 'DIAGNOSE',
          outcome: 'submit',
          onBehalfOf: 'chen',
          data: {},
        }),
      ),
    ).toEqual(['chen']);
    // A text field is no person, even when it happens to hold a username.
    expect(
      peopleNamedIn(
        entry('task.completed', 'li', { taskType: 'SCREEN', outcome: 'reject', data: { reason: 'chen' } }),
      ),
    ).toEqual([]);
    expect(
      peopleOfHistory([admitted, entry('quarter.ticked', 'system', {}), entry('x', null, { to: 'li' })]),
    ).toEqual(['li', 'chen', 'zhao']);
  });

  it('answers the actor’s name and a map of the others, the username for someone gone', () => {
    expect(namedHistoryEntry(admitted, NAMES)).toMatchObject({
      actor: 'li',
      actorName: '科技处 李明',
      names: { chen: '企业服务专员 陈静', zhao: '渝北区 赵强' },
    });
    const gone = namedHistoryEntry(entry('task.delegated', 'li', { to: 'left-2025' }), NAMES);
    expect(gone.names).toEqual({ 'left-2025': 'left-2025' });
    expect(namedHistoryEntry(entry('quarter.ticked', 'system', {}), NAMES)).toMatchObject({
      actorName: null,
      names: {},
    });
  });

  it('names only what the reader may read: an enterprise gets no officer’s name it has no username for', () => {
    const screened = entry('task.completed', 'li', {
      taskType: 'SCREEN',
      outcome: 'pass',
      actorRole: 'city_coordinator',
      data: { judgments: {} },
    });
    const seen = visibleHistoryEntry('enterprise_user', screened)!;
    expect(namedHistoryEntry(seen, NAMES)).toMatchObject({ actor: null, actorName: null, names: {} });
    // The assignment of its own case it reads, by name as its home page does.
    const own = visibleHistoryEntry('enterprise_user', admitted)!;
    expect(namedHistoryEntry(own, NAMES)).toMatchObject({
      actorName: null,
      names: { chen: '企业服务专员 陈静', zhao: '渝北区 赵强' },
    });
    expect(JSON.stringify(namedHistoryEntry(own, NAMES))).not.toContain('符合');
  });

  it('labels a copy with the names of whom it went to, refused copies too', () => {
    const cc = { ...entry('task.cc', 'li', { taskType: 'SCREEN', users: ['wang', 'gone'] }) };
    expect(withCopiesNamed(cc, NAMES).label).toEqual({
      zh: '市级筛选：抄送 电子信息处 王芳、gone',
      en: 'City screening: copied to 电子信息处 王芳, gone',
    });
    expect(withCopiesNamed({ ...cc, action: 'task.cc_failed' }, NAMES).label.zh).toBe(
      '市级筛选：抄送 电子信息处 王芳、gone（未生效）',
    );
    expect(withCopiesNamed(admitted, NAMES)).toBe(admitted);
  });
});
