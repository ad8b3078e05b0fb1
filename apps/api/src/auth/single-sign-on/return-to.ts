/**
 * Where the web goes after a single sign-on: a path of this site only. Anything else (another
 * origin, `//host`, a backslash trick, control characters) becomes the inbox, so the login cannot
 * be used to send someone elsewhere (open redirect).
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 512) return '/';
  if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(value)) return '/';
  return value;
}
