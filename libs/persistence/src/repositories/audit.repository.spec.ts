import { appendAuditEvent, CHAIN_NEXT, SqlRunner } from './audit.repository';

const TASK = '00000000-0000-4000-8000-0000000000aa';
const HEAD = { seq: '41', prev_hash: 'ab'.repeat(32), at: '2026-12-07T10:00:00.000000Z' };

/** A transaction that records what it is sent and answers the chain's head (and the task's enterprise). */
function transaction(creditCode: string | null) {
  const sent: { sql: string; params: unknown[] }[] = [];
  const sql: SqlRunner = {
    query: async (text: string, params: unknown[] = []) => {
      sent.push({ sql: text, params });
      if (/audit_chain_next/.test(text)) return [{ ...HEAD, credit_code: creditCode }];
      if (/FROM tasks/.test(text)) return creditCode ? [{ credit_code: creditCode }] : [];
      return [];
    },
  };
  return { sql, sent };
}

const key = { alg: 'sha256' as const, key: 'k'.repeat(32) };
const inserted = (sent: { sql: string; params: unknown[] }[]) => sent.find((s) => /INSERT/.test(s.sql))!;

describe('appendAuditEvent', () => {
  it('finds a task’s enterprise with the chain’s head: two statements, not three (issue 21)', async () => {
    const { sql, sent } = transaction('91500000MA5U000001');
    await appendAuditEvent(sql, key, { actor: 'a', action: 'POST /api/tasks/:id/complete', taskId: TASK });
    expect(sent).toHaveLength(2);
    expect(sent[0].params).toEqual([TASK]);
    const insert = inserted(sent);
    expect(insert.params[0]).toBe(41);
    expect(insert.params[7]).toBe('91500000MA5U000001');
    expect(insert.params[8]).toBe(TASK);
    expect(insert.params[13]).toBe(HEAD.prev_hash);
  });

  it('names no enterprise for a task that does not exist, and looks none up when it is given', async () => {
    const missing = transaction(null);
    await appendAuditEvent(missing.sql, key, { actor: 'a', action: 'x', taskId: TASK });
    expect(inserted(missing.sent).params[7]).toBeNull();
    const given = transaction('91500000MA5U000001');
    await appendAuditEvent(given.sql, key, {
      actor: 'a',
      action: 'x',
      taskId: TASK,
      creditCode: '91500000MA5U000002',
    });
    expect(given.sent.map((s) => s.sql)).toEqual([CHAIN_NEXT, expect.stringMatching(/^INSERT/)]);
    expect(inserted(given.sent).params[7]).toBe('91500000MA5U000002');
  });
});
