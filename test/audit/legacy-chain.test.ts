import { AuditRepository } from '@hardtech/persistence';
import { scratchDatabase } from '../support/scratch-database';

// Issue 20.2, an installation upgraded with audit rows in it: the migration to the keyed chain
// rewrites none of them; they stay a legacy prefix of plain sha256, the first keyed row links to
// the last of them, and verification checks each by its own function. On a scratch database of
// its own, made and dropped by the owner (MIGRATION_DATABASE_URL).
jest.setTimeout(60_000);

const config = { audit: { hmacAlg: 'sm3' as const, hmacKey: 'legacy-test-key-0123456789abcdef0123' } };
const { before: upTo, migrated } = scratchDatabase('legacy_chain');

it('keeps the rows chained before the key as a verified legacy prefix', async () => {
  const before = await migrated(upTo('KeyedAuditChain1764830000000'));
  for (let i = 0; i < 3; i++) {
    await before.query(`INSERT INTO audit_events (actor, action, data) VALUES ($1, 'legacy.test', $2)`, [
      `old-${i}`,
      JSON.stringify({ i, nested: { b: 1, a: [1.5, 'x'] } }),
    ]);
  }
  const plain = await before.query(`SELECT seq, hash FROM audit_events ORDER BY seq`);
  await before.destroy();

  const ds = await migrated();
  try {
    const audit = new AuditRepository(ds, config as never);
    await audit.append({ actor: 'new-1', action: 'keyed.test', data: { x: 1 } });
    await audit.append({ actor: 'new-2', action: 'keyed.test', data: { y: [1, 2] } });
    const rows = await ds.query(`SELECT seq, hash, prev_hash, hash_alg FROM audit_events ORDER BY seq`);
    expect(rows.slice(0, 3)).toEqual(
      plain.map((r: any) => expect.objectContaining({ ...r, hash_alg: 'sha256' })),
    );
    expect(rows[3]).toMatchObject({ hash_alg: 'hmac-sm3', prev_hash: plain[2].hash });
    expect(await audit.verify(null)).toMatchObject({ ok: true, checked: 5, legacyThrough: 3 });

    await ds.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    await ds.query(`UPDATE audit_events SET actor = 'mallory' WHERE seq = 2`);
    expect(await audit.verify(null)).toMatchObject({
      ok: false,
      firstBrokenAt: 2,
      reason: 'content_changed',
    });
    await ds.query(`UPDATE audit_events SET actor = 'old-1' WHERE seq = 2`);
    await ds.query(`UPDATE audit_events SET data = '{"x": 2}' WHERE seq = 4`);
    expect(await audit.verify(null)).toMatchObject({
      ok: false,
      firstBrokenAt: 4,
      reason: 'content_changed',
    });
  } finally {
    await ds.destroy();
  }
});
