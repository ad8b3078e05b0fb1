import { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model of docs/design.md 3.3: what the workflows project and the API reads. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name varchar(100) NOT NULL,
        role varchar(32) NOT NULL,
        scope jsonb NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE policy_versions (
        version integer PRIMARY KEY,
        body jsonb NOT NULL,
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The "33618" taxonomy: seeded with the built-in clusters; administrators add the new-star ones.
    await q.query(`
      CREATE TABLE clusters (
        code varchar(16) PRIMARY KEY,
        tier varchar(16) NOT NULL,
        name varchar(100) NOT NULL,
        en varchar(200) NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);

    await q.query(`
      CREATE TABLE enterprises (
        credit_code varchar(18) PRIMARY KEY,
        name varchar(100) NOT NULL,
        district varchar(16) NOT NULL,
        cluster varchar(16) NOT NULL,
        stage varchar(32) NOT NULL,
        state_value jsonb,
        workflow_id varchar(64) NOT NULL,
        lifecycle_no integer NOT NULL,
        projection_seq integer NOT NULL DEFAULT 0,
        policy_version integer,
        nomination jsonb NOT NULL,
        screening jsonb,
        nominated_by varchar(64) NOT NULL,
        lead_cluster varchar(16),
        commissioner varchar(64),
        district_liaison varchar(64),
        baseline_revenue bigint,
        diagnosis jsonb,
        closing jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX enterprises_stage ON enterprises (stage)`);
    await q.query(`CREATE INDEX enterprises_district ON enterprises (district)`);
    await q.query(`CREATE INDEX enterprises_cluster ON enterprises (cluster)`);
    await q.query(`CREATE INDEX enterprises_lead_cluster ON enterprises (lead_cluster)`);
    await q.query(`CREATE INDEX enterprises_commissioner ON enterprises (commissioner)`);

    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        workflow_id varchar(64) NOT NULL,
        credit_code varchar(18) NOT NULL,
        lifecycle_no integer NOT NULL,
        type varchar(32) NOT NULL,
        stage varchar(32) NOT NULL,
        state_key varchar(128) NOT NULL,
        candidate_groups text[] NOT NULL,
        assignee varchar(64),
        status varchar(16) NOT NULL DEFAULT 'open',
        outcome varchar(32),
        data jsonb,
        completed_by varchar(64),
        completed_at timestamptz,
        idempotency_key varchar(200),
        result jsonb,
        quarter varchar(8),
        enterprise_name varchar(100) NOT NULL,
        district varchar(16) NOT NULL,
        cluster varchar(16) NOT NULL,
        policy_version integer NOT NULL,
        created_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX tasks_open_groups ON tasks USING gin (candidate_groups) WHERE status = 'open'`,
    );
    await q.query(`CREATE INDEX tasks_open_due ON tasks (due_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_assignee ON tasks (assignee, status)`);
    await q.query(`CREATE INDEX tasks_credit_code ON tasks (credit_code, created_at)`);
    await q.query(`CREATE INDEX tasks_district ON tasks (district, status, due_at)`);

    await q.query(`
      CREATE TABLE task_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks (id),
        author varchar(64) NOT NULL,
        text varchar(2000) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX task_comments_task ON task_comments (task_id, created_at)`);

    // 化解问题台账: one row per diagnosed problem.
    await q.query(`
      CREATE TABLE problems (
        id uuid PRIMARY KEY,
        credit_code varchar(18) NOT NULL,
        lifecycle_no integer NOT NULL,
        title varchar(200) NOT NULL,
        category varchar(32) NOT NULL,
        measures varchar(2000) NOT NULL,
        target varchar(500) NOT NULL,
        owner_department varchar(32) NOT NULL,
        due_at date NOT NULL,
        status varchar(16) NOT NULL,
        special varchar(40),
        district varchar(16) NOT NULL,
        cluster varchar(16) NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX problems_credit_code ON problems (credit_code)`);
    await q.query(`CREATE INDEX problems_owner ON problems (owner_department, status)`);

    await q.query(`
      CREATE TABLE quarterly_reports (
        credit_code varchar(18) NOT NULL,
        lifecycle_no integer NOT NULL,
        quarter varchar(8) NOT NULL,
        revenue bigint NOT NULL,
        rd_expense bigint NOT NULL,
        headcount integer NOT NULL,
        new_class_one_ip integer NOT NULL,
        financing bigint NOT NULL,
        listing_progress varchar(16) NOT NULL,
        note varchar(2000),
        submitted_by varchar(64) NOT NULL,
        submitted_at timestamptz NOT NULL,
        PRIMARY KEY (credit_code, lifecycle_no, quarter)
      )`);

    // Membership periods answer "was X in the pool on date D?" (二(六): +3 points).
    await q.query(`
      CREATE TABLE membership_periods (
        credit_code varchar(18) NOT NULL,
        lifecycle_no integer NOT NULL,
        from_date date NOT NULL,
        to_date date,
        end_reason varchar(32),
        PRIMARY KEY (credit_code, lifecycle_no)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'membership_periods',
      'quarterly_reports',
      'problems',
      'task_comments',
      'tasks',
      'enterprises',
      'clusters',
      'policy_versions',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
