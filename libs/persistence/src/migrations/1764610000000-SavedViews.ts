import { MigrationInterface, QueryRunner } from 'typeorm';

/** Inbox filters officers save and share with a role, a district or a department. */
export class SavedViews1764610000000 implements MigrationInterface {
  name = 'SavedViews1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY,
        owner varchar(64) NOT NULL,
        name varchar(100) NOT NULL,
        filter jsonb NOT NULL,
        shared_roles text[] NOT NULL DEFAULT '{}',
        shared_districts text[] NOT NULL DEFAULT '{}',
        shared_departments text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX saved_views_owner ON saved_views (owner)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_views`);
  }
}
