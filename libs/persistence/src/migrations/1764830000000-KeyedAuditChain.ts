import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keyed audit chain (issue 20.2). A database superuser could recompute the plain sha256 of
 * migration 1764400000000 after an edit; a keyed hash — HMAC with SM3 or SHA-256 over the previous
 * hash and the row, under a key the database never sees — only the application can make.
 *
 * - The application computes `hash`, so it must know the row's position, time and predecessor
 *   first: `audit_chain_next()` locks the head (the same single-row lock as before, held to the
 *   commit: concurrent writers still never fork the chain) and answers seq, prev_hash and the time.
 *   The chain trigger no longer fills these in but checks them: an INSERT not at the head, or with
 *   a time outside its own transaction, is refused. It still skips a logged `dedup_key`.
 * - `hash_alg` names each row's function: `hmac-sm3`, `hmac-sha256`, or `sha256` for the rows
 *   chained before this migration. Those stay as they are, a legacy prefix verified by their plain
 *   digest: `audit_chain_legacy.through_seq` says where it ends (every signed checkpoint repeats it,
 *   so moving it later is caught). No row is rewritten.
 * - `audit_verify()` goes: the database cannot check a keyed hash; GET /api/audit/verify walks the
 *   chain in the application, against the last signed checkpoint.
 */
export class KeyedAuditChain1764830000000 implements MigrationInterface {
  name = 'KeyedAuditChain1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN hash_alg varchar(16) NOT NULL DEFAULT 'sha256'`);
    await q.query(`ALTER TABLE audit_events ALTER COLUMN hash_alg DROP DEFAULT`);

    await q.query(`
      CREATE TABLE audit_chain_legacy (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        through_seq bigint NOT NULL
      )`);
    await q.query(`INSERT INTO audit_chain_legacy (through_seq) SELECT seq FROM audit_chain_head`);
    await q.query(`
      CREATE TRIGGER audit_chain_legacy_fixed BEFORE UPDATE OR DELETE ON audit_chain_legacy
      FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_chain_legacy_no_truncate BEFORE TRUNCATE ON audit_chain_legacy
      FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    for (const trigger of ['audit_chain_legacy_fixed', 'audit_chain_legacy_no_truncate']) {
      await q.query(`ALTER TABLE audit_chain_legacy ENABLE ALWAYS TRIGGER ${trigger}`);
    }
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_chain_legacy FROM PUBLIC`);

    // SECURITY DEFINER: the application role may read the head but not lock it for update itself.
    await q.query(`
      CREATE FUNCTION audit_chain_next(OUT seq bigint, OUT prev_hash text, OUT at text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        SELECT h.seq + 1, h.hash INTO seq, prev_hash FROM audit_chain_head h FOR UPDATE;
        at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
      END $$`);

    await q.query(`
      CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      DECLARE
        head audit_chain_head;
      BEGIN
        SELECT * INTO head FROM audit_chain_head FOR UPDATE;
        IF NEW.dedup_key IS NOT NULL AND EXISTS (SELECT 1 FROM audit_events WHERE dedup_key = NEW.dedup_key) THEN
          RETURN NULL;
        END IF;
        IF NEW.seq IS DISTINCT FROM head.seq + 1 OR NEW.prev_hash IS DISTINCT FROM head.hash THEN
          RAISE EXCEPTION 'audit events are appended at the head of the chain (seq %): call audit_chain_next() first',
            head.seq + 1 USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.at < transaction_timestamp() OR NEW.at > clock_timestamp() THEN
          RAISE EXCEPTION 'an audit event is stamped with the time of its own transaction'
            USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.hash_alg NOT IN ('hmac-sm3', 'hmac-sha256') OR NEW.hash !~ '^[0-9a-f]{64}$' THEN
          RAISE EXCEPTION 'an audit event carries its keyed hash (hmac-sm3 or hmac-sha256)'
            USING ERRCODE = 'check_violation';
        END IF;
        UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash;
        RETURN NEW;
      END $$`);
    await q.query(`DROP FUNCTION audit_verify`);
  }

  async down(): Promise<void> {
    throw new Error('the keyed audit chain cannot be undone: keyed rows have no plain digest');
  }
}
