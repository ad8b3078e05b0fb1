import type { SqlRunner } from '../repositories/audit.repository';
import { APPEND_ONLY_TABLES, ApplicationRole, READ_ONLY_TABLES } from './application-role';

/** Runs `format(template, args…)` in PostgreSQL: identifiers (%I) and literals (%L) quoted by it. */
async function execFormatted(sql: SqlRunner, template: string, ...args: string[]): Promise<void> {
  const placeholders = args.map((_, i) => `$${i + 2}::text`).join(', ');
  const [{ stmt }] = await sql.query(`SELECT format($1::text, ${placeholders}) AS stmt`, [template, ...args]);
  await sql.query(stmt);
}

/**
 * Creates the application role when missing, sets its password from DATABASE_URL (when the owner
 * may), and grants it exactly what the API and the worker need: read and write the read model,
 * only INSERT and SELECT on the audit log, only SELECT on the chain's head and the migrations. Run
 * by the owner after every migration, so tables added later are granted too. Refuses a role that
 * is a superuser or owns a table: such a role would be past every guard.
 */
export async function grantApplicationRole(sql: SqlRunner, role: ApplicationRole): Promise<void> {
  const [{ exists, may_set }] = await sql.query(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists,
       (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS may_set`,
    [role.name],
  );
  if (!exists) {
    try {
      await execFormatted(sql, 'CREATE ROLE %I LOGIN PASSWORD %L', role.name, role.password);
    } catch (e) {
      // Another database's migration on the same server created it a moment ago.
      if ((e as { code?: string }).code !== '42710') throw e;
    }
  } else if (may_set) {
    await execFormatted(sql, 'ALTER ROLE %I WITH LOGIN PASSWORD %L', role.name, role.password);
  }
  const [{ superuser, owned }] = await sql.query(
    `SELECT r.rolsuper OR r.rolbypassrls AS superuser,
       (SELECT string_agg(c.relname, ', ') FROM pg_class c
        WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owned
     FROM pg_roles r WHERE r.rolname = $1`,
    [role.name],
  );
  if (superuser) throw new Error(`the application role ${role.name} must not be a superuser`);
  if (owned) throw new Error(`the application role ${role.name} must not own tables (owns ${owned})`);

  // Nobody but the owner creates objects: no function can shadow or replace the chain's functions.
  await sql.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  await execFormatted(sql, 'GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', await database(sql), role.name);
  await execFormatted(sql, 'GRANT USAGE ON SCHEMA public TO %I', role.name);
  await execFormatted(
    sql,
    'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I',
    role.name,
  );
  await execFormatted(
    sql,
    'REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM %I',
    role.name,
  );
  await execFormatted(sql, 'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', role.name);
  for (const [tables, rights] of [
    [READ_ONLY_TABLES, 'SELECT'],
    [APPEND_ONLY_TABLES, 'SELECT, INSERT'],
  ] as const) {
    for (const table of tables) {
      const [{ found }] = await sql.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [`public.${table}`]);
      if (!found) continue;
      await execFormatted(sql, 'REVOKE ALL ON TABLE %I FROM %I', table, role.name);
      await execFormatted(sql, `GRANT ${rights} ON TABLE %I TO %I`, table, role.name);
    }
  }
}

async function database(sql: SqlRunner): Promise<string> {
  const [{ name }] = await sql.query(`SELECT current_database() AS name`);
  return name;
}
