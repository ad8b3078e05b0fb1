import { countingStatements, countStatement, newStatementTally, statementKind } from './db-statements';

describe('statementKind', () => {
  it.each([
    ['SELECT 1', 'read'],
    ['  select * from tasks FOR UPDATE', 'read'],
    ['-- why\nSELECT version FROM policy_versions', 'read'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'read'],
    ['INSERT INTO tasks (id) VALUES ($1)', 'write'],
    ['update sessions set last_seen_at = $2 where id = $1', 'write'],
    ['DELETE FROM calendar_days WHERE date = $1', 'write'],
    ['WITH gone AS (DELETE FROM t WHERE a RETURNING *) SELECT count(*) FROM gone', 'write'],
    ['START TRANSACTION', 'other'],
    ['COMMIT', 'other'],
    ['LOCK TABLE policy_versions IN EXCLUSIVE MODE', 'other'],
  ])('%s is a %s', (sql, kind) => {
    expect(statementKind(sql)).toBe(kind);
  });
});

describe('countingStatements', () => {
  it('counts what a unit of work sends, awaited parts too, and nothing outside it', async () => {
    const tally = newStatementTally();
    countStatement('SELECT 1');
    await countingStatements(tally, async () => {
      countStatement('SELECT 1');
      await new Promise((r) => setTimeout(r, 1));
      countStatement('UPDATE t SET a = 1', 3);
      countStatement('COMMIT', 5);
    });
    countStatement('SELECT 2');
    expect(tally).toEqual({ read: 1, write: 1, other: 1, rowsWritten: 3 });
  });
});
