import { describe, expect, it } from 'vitest';
import { keyData } from './historyData';
import type { HistoryEntry } from './types';

const entry = (action: string, data: Record<string, unknown>): HistoryEntry =>
  ({
    at: '2026-12-06T02:00:00.000Z',
    actor: 'li',
    action,
    data,
    label: { zh: '', en: '' },
    lifecycleNo: 1,
    runId: 'run-1',
    eventId: 7,
  }) as HistoryEntry;

describe('the facts a timeline entry shows', () => {
  it('shows why a step was sent back (退回) and what a countersignature (加签) asks', () => {
    expect(
      keyData(entry('task.returned', { taskId: 't', reason: '请核实营收', policy: { version: 3 } })),
    ).toEqual([{ key: 'reason', value: '请核实营收', field: undefined }]);
    expect(
      keyData(entry('task.countersign_requested', { users: ['wang'], mode: 'all', note: '请阅' })),
    ).toEqual([{ key: 'note', value: '请阅', field: undefined }]);
  });

  it('keeps the delegation, urge and copy facts, and shows nothing of an entry it does not know', () => {
    expect(keyData(entry('task.delegated', { to: 'wang', reason: '出差' })).map((f) => f.key)).toEqual([
      'to',
      'reason',
    ]);
    expect(keyData(entry('task.urge', { message: '请尽快' }))[0].value).toBe('请尽快');
    // Whom it went to is a person, shown by name; why is words.
    expect(keyData(entry('task.delegated', { to: 'wang', reason: '出差' })).map((f) => f.person)).toEqual([
      true,
      undefined,
    ]);
    expect(keyData(entry('update.somethingNew', { reason: 'x' }))).toEqual([]);
  });

  it('marks the user fields of a step (ADMIT’s 服务专员 and 区县联络人) as people, not its other values', () => {
    const admitted = keyData(
      entry('task.completed', {
        taskType: 'ADMIT',
        outcome: 'admit',
        data: { leadCluster: 'T2', commissioner: 'chen', districtLiaison: 'zhao', reason: 'to' },
      }),
    );
    expect(admitted.filter((f) => f.person).map((f) => [f.key, f.value])).toEqual([
      ['commissioner', 'chen'],
      ['districtLiaison', 'zhao'],
    ]);
    // A step's field named like a delegation's fact is still the form's.
    const step = keyData(
      entry('task.completed', { taskType: 'SCREEN', outcome: 'reject', data: { to: 'x' } }),
    );
    expect(step.every((f) => !f.person)).toBe(true);
  });
});
