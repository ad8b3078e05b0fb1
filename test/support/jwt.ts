import { createHmac, randomUUID } from 'node:crypto';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs claims as the API does (HS256), with the test stack's secret unless another is given. */
export function signToken(
  claims: Record<string, unknown>,
  secret = process.env.JWT_SECRET ?? '',
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const unsigned = `${b64url(header)}.${b64url(claims)}`;
  const signature =
    header.alg === 'none' ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/** Claims of a well-formed token for a user, valid for an hour unless changed. */
export function claimsFor(username: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: username,
    role: 'admin',
    jti: randomUUID(),
    at: Date.now(),
    iat: now,
    exp: now + 3600,
    ...over,
  };
}
