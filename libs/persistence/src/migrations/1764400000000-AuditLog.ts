import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: append-only and hash-chained, enforced by the database itself.
 *
 * - Every INSERT goes through `audit_events_chain` (BEFORE INSERT): under the lock of the single
 *   `audit_chain_head` row it takes the next gapless `seq`, stamps `at`, links `prev_hash` to the
 *   previous row and computes `hash` = sha256 over the row's content and `prev_hash`
 *   (`audit_event_digest`). Concurrent writers (API replicas, workers) therefore never fork the
 *   chain, and no client can choose its own position, time or hash. A row whose `dedup_key` is
 *   already logged is skipped, so a retried projection appends once.
 * - UPDATE, DELETE and TRUNCATE raise, for every role (ENABLE ALWAYS: also with
 *   session_replication_role = replica). Only an owner or superuser who disables the triggers can
 *   change a row, and then `audit_verify` names the first row where the chain breaks.
 * - Retention: there is no deletion path at all (≥ 6 months is a floor, not a purge schedule).
 */
export class AuditLog1764400000000 implements MigrationInterface {
  name = 'AuditLog1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor varchar(64) NOT NULL,
        actor_role varchar(32),
        action varchar(120) NOT NULL,
        outcome varchar(16) NOT NULL DEFAULT 'ok' CHECK (outcome IN ('ok', 'refused', 'failed')),
        status smallint,
        credit_code varchar(18),
        task_id varchar(64),
        request_id varchar(128),
        data jsonb NOT NULL DEFAULT '{}',
        dedup_key varchar(200),
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX audit_events_dedup ON audit_events (dedup_key) WHERE dedup_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX audit_events_credit_code ON audit_events (credit_code, seq)`);
    await q.query(`CREATE INDEX audit_events_actor ON audit_events (actor, seq)`);
    await q.query(`CREATE INDEX audit_events_action ON audit_events (action text_pattern_ops, seq)`);
    await q.query(`CREATE INDEX audit_events_at ON audit_events (at)`);

    await q.query(`
      CREATE TABLE audit_chain_head (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        seq bigint NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(`INSERT INTO audit_chain_head (seq, hash) VALUES (0, repeat('0', 64))`);

    // The digest: the row's content as a JSON array (jsonb's text form is canonical), time in UTC
    // to the microsecond, and the previous hash. Recomputed by audit_verify.
    await q.query(`
      CREATE FUNCTION audit_event_digest(e audit_events) RETURNS text
      LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(jsonb_build_array(
          e.seq, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor, e.actor_role,
          e.action, e.outcome, e.status, e.credit_code, e.task_id, e.request_id, e.data, e.dedup_key,
          e.prev_hash)::text, 'UTF8')), 'hex')
      $$`);

    await q.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      DECLARE
        head audit_chain_head;
      BEGIN
        SELECT * INTO head FROM audit_chain_head FOR UPDATE;
        IF NEW.dedup_key IS NOT NULL AND EXISTS (SELECT 1 FROM audit_events WHERE dedup_key = NEW.dedup_key) THEN
          RETURN NULL;
        END IF;
        NEW.seq := head.seq + 1;
        NEW.at := clock_timestamp();
        NEW.prev_hash := head.hash;
        NEW.hash := audit_event_digest(NEW);
        UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);

    await q.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);

    // The head moves only from inside the chain trigger, one step at a time.
    await q.query(`
      CREATE FUNCTION audit_chain_head_guard() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' OR pg_trigger_depth() < 2 OR NEW.seq <> OLD.seq + 1 THEN
          RAISE EXCEPTION 'the audit chain head moves only by appending to audit_events'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head
      FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard()`);
    await q.query(`
      CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
      FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    for (const [table, trigger] of [
      ['audit_events', 'audit_events_append_only'],
      ['audit_events', 'audit_events_no_truncate'],
      ['audit_events', 'audit_events_chain'],
      ['audit_chain_head', 'audit_chain_head_guard'],
      ['audit_chain_head', 'audit_chain_head_no_truncate'],
    ]) {
      await q.query(`ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${trigger}`);
    }
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_chain_head FROM PUBLIC`);

    // Walks the whole chain: a missing seq (deleted row), a row whose content no longer matches its
    // hash (edited row), a row not linked to its predecessor's hash, or a head past the last row
    // (deleted tail). Answers the first position where the chain breaks, and the head to anchor.
    await q.query(`
      CREATE FUNCTION audit_verify(OUT checked bigint, OUT first_broken_at bigint, OUT reason text,
        OUT head_seq bigint, OUT head_hash text)
      LANGUAGE sql STABLE AS $$
        WITH chain AS (
          SELECT e.seq, e.prev_hash, e.hash, audit_event_digest(e) AS digest,
            lag(e.seq, 1, 0::bigint) OVER w AS prev_seq,
            lag(e.hash::text, 1, repeat('0', 64)) OVER w AS prev_row_hash
          FROM audit_events e WINDOW w AS (ORDER BY e.seq)
        ), last AS (
          SELECT coalesce(max(seq), 0) AS seq, (array_agg(hash::text ORDER BY seq DESC))[1] AS hash FROM chain
        ), breaks AS (
          SELECT prev_seq + 1 AS at, 1 AS rank, 'missing_row' AS reason FROM chain WHERE seq <> prev_seq + 1
          UNION ALL SELECT seq, 2, 'content_changed' FROM chain WHERE digest <> hash
          UNION ALL SELECT seq, 3, 'link_broken' FROM chain WHERE prev_hash::text <> prev_row_hash
          UNION ALL SELECT last.seq + 1, 1, 'missing_row' FROM audit_chain_head h, last WHERE h.seq > last.seq
          UNION ALL SELECT last.seq, 4, 'head_mismatch' FROM audit_chain_head h, last
            WHERE h.seq = last.seq AND last.seq > 0 AND h.hash::text <> last.hash
        )
        SELECT (SELECT count(*) FROM chain), b.at, b.reason, h.seq, h.hash::text
        FROM audit_chain_head h
        LEFT JOIN LATERAL (SELECT at, reason FROM breaks ORDER BY at, rank LIMIT 1) b ON true
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_verify`);
    await q.query(`DROP TABLE audit_events CASCADE`);
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP FUNCTION audit_events_chain, audit_refuse_change, audit_chain_head_guard`);
  }
}
