import { Api } from '../support/api';
import { createUser, PASSWORD } from '../support/cast';
import { closeDb, db } from '../support/db';
import { freePort, killAll, spawnApp, waitUntil } from '../ops/processes';

// Passwords are hashed at the configured argon2id cost (the test stack's is cheap, production's is
// not); a hash of another cost is made again at the account's next login, without restarting the
// password's age, so raising the cost reaches every account that signs in.
afterAll(async () => {
  await killAll();
  await closeDb();
});

const stored = async (username: string) =>
  (
    await db().query<{ hash: string; changed: Date }>(
      'SELECT password_hash AS hash, password_changed_at AS changed FROM users WHERE username = $1',
      [username],
    )
  ).rows[0];

/** [memory KiB, passes] of a PHC string such as $argon2id$v=19$m=1024,p=4,t=1$salt$hash. */
const costOf = (hash: string) => {
  const params = new URLSearchParams(hash.split('$')[3]?.replace(/,/g, '&'));
  return [Number(params.get('m')), Number(params.get('t'))];
};

describe('password hashing cost', () => {
  it('hashes at the configured cost and re-hashes an account of another cost at its next login', async () => {
    const user = await createUser('auditor', {});
    const before = await stored(user.username);
    expect(costOf(before.hash)).toEqual([
      Number(process.env.PASSWORD_HASH_MEMORY_KIB),
      Number(process.env.PASSWORD_HASH_TIME_COST),
    ]);

    // An API process configured with a higher cost, on the same database.
    const port = await freePort();
    const api = spawnApp('api', {
      PORT: String(port),
      PASSWORD_HASH_MEMORY_KIB: '4096',
      PASSWORD_HASH_TIME_COST: '2',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${url}/api/health/ready`)).status === 200);
    const login = (password: string) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.77' },
        body: JSON.stringify({ username: user.username, password }),
      });

    // A wrong password changes nothing.
    expect((await login('not-the-password-1')).status).toBe(401);
    expect((await stored(user.username)).hash).toBe(before.hash);

    expect((await login(PASSWORD)).status).toBe(200);
    const after = await stored(user.username);
    expect(costOf(after.hash)).toEqual([4096, 2]);
    expect(after.changed).toEqual(before.changed);
    api.child.kill('SIGTERM');
    await api.exited;

    // The same password still opens the account at the stack's own API, which re-hashes it back.
    await Api.login(user.username, PASSWORD);
    expect(costOf((await stored(user.username)).hash)).toEqual(costOf(before.hash));
  });
});
