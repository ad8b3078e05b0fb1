import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enterprises whose read model may disagree with their workflow: an Update that failed without a
 * domain answer, a worker that started after another died, the periodic sweep. The worker's
 * read-model repair takes them (apps/worker/src/repair) and compares the inbox with the workflow.
 */
export class ReadModelSuspects1765600000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_model_suspects (
        credit_code varchar(18) PRIMARY KEY,
        noted_at timestamptz NOT NULL DEFAULT now(),
        reason varchar(32) NOT NULL,
        attempts integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX read_model_suspects_noted ON read_model_suspects (noted_at)`);
    // The periodic sweep finds recently projected enterprises by this column.
    await q.query(`CREATE INDEX IF NOT EXISTS enterprises_updated_at ON enterprises (updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS enterprises_updated_at`);
    await q.query(`DROP TABLE read_model_suspects`);
  }
}
