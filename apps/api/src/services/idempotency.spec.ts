import type { TaskEntity } from '@hardtech/persistence';
import { checkIdempotencyKey, completionUpdateId, isReplayOf } from './idempotency';

describe('idempotent completions', () => {
  const body = { outcome: 'support', data: { opinion: '同意', extra: { a: 1, b: [1, 2] } } };

  it('gives a retry the same Update id whatever the order of its fields', () => {
    const reordered = { outcome: 'support', data: { extra: { b: [1, 2], a: 1 }, opinion: '同意' } };
    expect(completionUpdateId('t1', 'alice', 'k1', body)).toBe(
      completionUpdateId('t1', 'alice', 'k1', reordered),
    );
  });

  it('gives another caller, key, task or body another Update id', () => {
    const id = completionUpdateId('t1', 'alice', 'k1', body);
    expect(completionUpdateId('t1', 'bob', 'k1', body)).not.toBe(id);
    expect(completionUpdateId('t1', 'alice', 'k2', body)).not.toBe(id);
    expect(completionUpdateId('t2', 'alice', 'k1', body)).not.toBe(id);
    expect(completionUpdateId('t1', 'alice', 'k1', { ...body, outcome: 'oppose' })).not.toBe(id);
    expect(completionUpdateId('t1', 'alice', 'k1', { ...body, data: { opinion: '不同意' } })).not.toBe(id);
  });

  it('replays only the completion that closed the task', () => {
    const task = {
      status: 'done',
      idempotencyKey: 'k1',
      completedBy: 'alice',
      outcome: 'support',
      data: { extra: { b: [1, 2], a: 1 }, opinion: '同意' },
    } as unknown as TaskEntity;
    expect(isReplayOf(task, 'alice', 'k1', body)).toBe(true);
    expect(isReplayOf(task, 'bob', 'k1', body)).toBe(false);
    expect(isReplayOf(task, 'alice', 'k2', body)).toBe(false);
    expect(isReplayOf(task, 'alice', 'k1', { ...body, outcome: 'oppose' })).toBe(false);
    expect(isReplayOf({ ...task, status: 'cancelled' } as TaskEntity, 'alice', 'k1', body)).toBe(false);
  });

  it('accepts keys of 1-200 visible ASCII characters only', () => {
    expect(checkIdempotencyKey(undefined)).toBeUndefined();
    expect(checkIdempotencyKey('a'.repeat(200))).toHaveLength(200);
    for (const bad of ['', 'a'.repeat(201), 'has space', '钥匙', 'tab\t']) {
      expect(() => checkIdempotencyKey(bad)).toThrow();
    }
  });
});
