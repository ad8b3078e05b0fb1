import {
  PROBLEM_TASK_KEY_PREFIXES,
  problemCloseKey,
  problemExtensionKey,
  problemIdOf,
  taskProblemId,
  whistleIdOf,
  whistleKey,
} from './task-keys';

describe('ad hoc task keys', () => {
  it('are the keys running lifecycles and the inbox already hold', () => {
    expect([whistleKey('w1'), problemCloseKey('p1'), problemExtensionKey('p1')]).toEqual([
      'whistle:w1',
      'problem-close:p1',
      'problem-extension:p1',
    ]);
    expect(PROBLEM_TASK_KEY_PREFIXES).toEqual(['problem-close:', 'problem-extension:']);
  });

  it('give back what the task is about, and nothing for a state key', () => {
    expect(problemIdOf(problemCloseKey('p1'))).toBe('p1');
    expect(problemIdOf(problemExtensionKey('p2'))).toBe('p2');
    expect(whistleIdOf(whistleKey('w1'))).toBe('w1');
    expect(problemIdOf(whistleKey('w1'))).toBeUndefined();
    expect(whistleIdOf(problemCloseKey('p1'))).toBeUndefined();
    expect(problemIdOf('lifecycle.screening')).toBeUndefined();
  });

  it('name the problem a ledger task is about: a whistle response by its whistle, kept once whistled again', () => {
    const whistles = [
      { id: 'w1', problemId: 'p1' },
      { id: 'w2', problemId: 'p1' },
      { id: 'w3', problemId: 'p2' },
    ];
    expect(taskProblemId(whistleKey('w1'), whistles)).toBe('p1');
    expect(taskProblemId(whistleKey('w3'), whistles)).toBe('p2');
    expect(taskProblemId(whistleKey('w9'), whistles)).toBeUndefined();
    expect(taskProblemId(problemCloseKey('p7'), whistles)).toBe('p7');
    expect(taskProblemId(problemExtensionKey('p8'), [])).toBe('p8');
    expect(taskProblemId('lifecycle.screening', whistles)).toBeUndefined();
  });
});
