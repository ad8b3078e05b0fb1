import { roundTrips, WriterStatement } from './statements';

const statement = (sql: string, params: unknown[], rows: string[]): WriterStatement => ({
  sql,
  params,
  rows,
});

describe('roundTrips', () => {
  it('sends one statement alone as it is', () => {
    expect(roundTrips([statement('UPDATE a SET x = $1 WHERE id = $2', [1, 'k'], ['a:k'])])).toEqual([
      { sql: 'UPDATE a SET x = $1 WHERE id = $2', params: [1, 'k'] },
    ]);
  });

  it('joins statements on different rows into one, their placeholders moved past the ones before', () => {
    const [trip, ...rest] = roundTrips([
      statement('UPDATE a SET x = $1 WHERE id = $2', [1, 'k'], ['a:k']),
      statement('INSERT INTO b (y, z) VALUES ($1, $2) ON CONFLICT DO NOTHING', [2, 3], ['b:1']),
      statement('DELETE FROM c WHERE id = $1 AND $1 > 0', [4], ['c:4']),
    ]);
    expect(rest).toEqual([]);
    expect(trip.params).toEqual([1, 'k', 2, 3, 4]);
    expect(trip.sql).toBe(
      [
        'WITH w1 AS (UPDATE a SET x = $1 WHERE id = $2 RETURNING 1),',
        'w2 AS (INSERT INTO b (y, z) VALUES ($3, $4) ON CONFLICT DO NOTHING RETURNING 1),',
        'w3 AS (DELETE FROM c WHERE id = $5 AND $5 > 0 RETURNING 1)',
        'SELECT 1 FROM w1 UNION ALL SELECT 1 FROM w2 UNION ALL SELECT 1 FROM w3',
      ].join('\n'),
    );
  });

  it('starts a new round trip at a statement on a row the trip writes already, and keeps the order', () => {
    const trips = roundTrips([
      statement('INSERT INTO t VALUES ($1)', ['x'], ['t:x', 't:y']),
      statement('INSERT INTO n VALUES ($1)', ['x'], ['n:x']),
      statement('UPDATE t SET a = $2 WHERE id = $1', ['y', 1], ['t:y']),
      statement('UPDATE t SET b = $2 WHERE id = $1', ['z', 2], ['t:z']),
      statement('UPDATE t SET c = $2 WHERE id = $1', ['y', 3], ['t:y']),
    ]);
    expect(trips.map((t) => t.params)).toEqual([
      ['x', 'x'],
      ['y', 1, 'z', 2],
      ['y', 3],
    ]);
  });

  it('sends nothing for no statements', () => {
    expect(roundTrips([])).toEqual([]);
  });
});
