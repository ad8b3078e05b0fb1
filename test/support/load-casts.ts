import { Api } from './api';
import { adminApi, Cast, createUser, freshCreditCode, Member, PASSWORD, tag } from './cast';
import { inParallel } from './retrying-driver';

/**
 * Casts for a load of `count` lifecycles in district 500112 / cluster T2: the officers are shared,
 * as in a real district, and each enterprise has its own user.
 */
export async function createLoadCasts(count: number): Promise<Cast[]> {
  const [coordinator, districtOfficer, commissioner, industry, auditor] = await Promise.all([
    createUser('city_coordinator', {}),
    createUser('district_officer', { districts: ['500112'] }),
    createUser('commissioner', {}),
    createUser('industry_officer', { clusters: ['T2'] }),
    createUser('auditor', {}),
  ]);
  const codes = Array.from({ length: count }, () => freshCreditCode());
  const enterprises: Member[] = new Array(count);
  const admin = await adminApi();
  await inParallel([...codes.keys()], 10, async (i) => {
    const username = `ent-${tag()}`;
    const scope = { creditCodes: [codes[i]] };
    const created = await admin.post('/api/users', {
      username,
      password: PASSWORD,
      displayName: username,
      role: 'enterprise_user',
      scope,
    });
    if (created.status !== 201) throw new Error(`create ${username}: ${created.status}`);
    // Each enterprise logs in from its own address (through a proxy the API trusts), as in
    // production; from one address the login throttle would refuse the 21st in a minute.
    const login = await Api.anonymous().post(
      '/api/auth/login',
      { username, password: PASSWORD },
      { 'x-forwarded-for': `10.8.${Math.floor(i / 250)}.${(i % 250) + 1}` },
    );
    if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
    enterprises[i] = { username, api: new Api(login.body.accessToken) };
  });
  return codes.map((creditCode, i) => ({
    creditCode,
    district: '500112',
    cluster: 'T2',
    coordinator,
    districtOfficer,
    enterprise: enterprises[i],
    commissioner,
    industry,
    auditor,
  }));
}
