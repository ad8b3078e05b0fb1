import { MigrationInterface, QueryRunner } from 'typeorm';

/** Administrators' corrections to the holiday schedule, e.g. a year the data package lacks. */
export class CalendarOverrides1764070000000 implements MigrationInterface {
  name = 'CalendarOverrides1764070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_days (
        date date PRIMARY KEY,
        kind varchar(8) NOT NULL CHECK (kind IN ('workday', 'holiday')),
        name varchar(100),
        updated_by varchar(64) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_days`);
  }
}
