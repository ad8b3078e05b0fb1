/**
 * SQL for how a list names the person whose username is in `column`: the display name, else the
 * username (an account removed, or a system actor). One subquery on the users' primary key per
 * row, so a page of a list stays one statement.
 */
export function displayNameOf(column: string): string {
  return `COALESCE((SELECT display_name FROM users named WHERE named.username = ${column}), ${column})`;
}
