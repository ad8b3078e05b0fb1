import { Api } from '../test/support/api';
import { adminApi, Cast, createUser, freshCreditCode, Member, PASSWORD, tag } from '../test/support/cast';
import { inParallel } from '../test/cluster/driver';

/** Enterprises per enterprise user: a few users serve a thousand enterprises without bloating scopes. */
const ENTERPRISES_PER_USER = 25;

/**
 * Casts for `count` enterprises in `district`: one set of officers shared by all (as in a real
 * district), one enterprise user per group of enterprises. Users log in from their own addresses,
 * as behind a proxy, so the per-address login throttle does not see one client.
 */
export async function createCasts(count: number, district = '500112', cluster = 'T2'): Promise<Cast[]> {
  const [coordinator, districtOfficer, commissioner, industry, auditor] = await Promise.all([
    createUser('city_coordinator', {}),
    createUser('district_officer', { districts: [district] }),
    createUser('commissioner', {}),
    createUser('industry_officer', { clusters: [cluster] }),
    createUser('auditor', {}),
  ]);
  const codes = Array.from({ length: count }, () => freshCreditCode());
  const groups = Array.from({ length: Math.ceil(count / ENTERPRISES_PER_USER) }, (_, i) =>
    codes.slice(i * ENTERPRISES_PER_USER, (i + 1) * ENTERPRISES_PER_USER),
  );
  const users: Member[] = new Array(groups.length);
  const admin = await adminApi();
  await inParallel([...groups.keys()], 4, async (i) => {
    const username = `bench-ent-${tag()}`;
    const created = await admin.post('/api/users', {
      username,
      password: PASSWORD,
      displayName: username,
      role: 'enterprise_user',
      scope: { creditCodes: groups[i] },
    });
    if (created.status !== 201) throw new Error(`create ${username}: ${created.status}`);
    const login = await Api.anonymous().post(
      '/api/auth/login',
      { username, password: PASSWORD },
      { 'x-forwarded-for': `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}` },
    );
    if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
    users[i] = { username, api: new Api(login.body.accessToken) };
  });
  return codes.map((creditCode, i) => ({
    creditCode,
    district,
    cluster,
    coordinator,
    districtOfficer,
    commissioner,
    industry,
    auditor,
    enterprise: users[Math.floor(i / ENTERPRISES_PER_USER)],
  }));
}
