/**
 * The two PostgreSQL roles (issue 20.2): the owner that migrates (MIGRATION_DATABASE_URL) and the
 * application role the API and the worker connect as (DATABASE_URL). The application role may
 * only append to and read the audit log, so nothing the application does — nor anyone holding its
 * credentials — can rewrite, delete, truncate or re-define the audit chain.
 */
export interface ApplicationRole {
  name: string;
  password: string;
}

/** Names PostgreSQL stores unquoted: the role is spelled the same in URLs, grants and pg_roles. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The tables the application reads but never changes: only their owner's migrations do. */
export const READ_ONLY_TABLES = ['audit_chain_head', 'audit_chain_legacy', 'migrations'] as const;

/** The tables the application appends to and reads: no UPDATE, DELETE, TRUNCATE or TRIGGER. */
export const APPEND_ONLY_TABLES = ['audit_events'] as const;

/**
 * The application role named by DATABASE_URL when it differs from the owner of MIGRATION_DATABASE_URL;
 * null when both are the same user (one role: a development set-up, or an operator who has not
 * separated them yet).
 */
export function applicationRoleOf(appUrl: string, ownerUrl: string): ApplicationRole | null {
  const app = new URL(appUrl);
  const owner = new URL(ownerUrl);
  const name = decodeURIComponent(app.username);
  if (name === decodeURIComponent(owner.username)) return null;
  if (!ROLE_NAME.test(name)) {
    throw new Error(
      `DATABASE_URL's user "${name}" must be a lower-case PostgreSQL role name (letters, digits, _)`,
    );
  }
  const password = decodeURIComponent(app.password);
  if (!password) throw new Error(`DATABASE_URL names the role "${name}" without a password`);
  return { name, password };
}
