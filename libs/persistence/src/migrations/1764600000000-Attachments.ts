import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files on nominations, tasks and ledger problems; the bytes live in the file store. */
export class Attachments1764600000000 implements MigrationInterface {
  name = 'Attachments1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        credit_code varchar(18) NOT NULL,
        subject varchar(16) NOT NULL,
        -- nomination: the lifecycle number once nominated (NULL while pending); task / problem: its id
        subject_id varchar(64),
        purpose varchar(16) NOT NULL,
        file_name varchar(200) NOT NULL,
        content_type varchar(100) NOT NULL,
        size integer NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key varchar(200) NOT NULL UNIQUE,
        uploaded_by varchar(64) NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_subject ON attachments (credit_code, subject, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
  }
}
