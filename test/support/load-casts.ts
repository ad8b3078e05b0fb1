import { Api } from './api';
import { adminApi, Cast, createUser, freshCreditCode, Member, PASSWORD, tag } from './cast';
import { inParallel } from './retrying-driver';

export interface LoadCastOptions {
  district?: string;
  cluster?: string;
  /** Enterprises served by one enterprise user: a thousand members need not mean a thousand users. */
  enterprisesPerUser?: number;
}

/**
 * Casts for a load of `count` lifecycles: the officers are shared, as in a real district, and each
 * group of enterprises has its own enterprise user.
 */
export async function createLoadCasts(
  count: number,
  { district = '500112', cluster = 'T2', enterprisesPerUser = 1 }: LoadCastOptions = {},
): Promise<Cast[]> {
  const [coordinator, districtOfficer, commissioner, industry, auditor] = await Promise.all([
    createUser('city_coordinator', {}),
    createUser('district_officer', { districts: [district] }),
    createUser('commissioner', {}),
    createUser('industry_officer', { clusters: [cluster] }),
    createUser('auditor', {}),
  ]);
  const codes = Array.from({ length: count }, () => freshCreditCode());
  const groups = Array.from({ length: Math.ceil(count / enterprisesPerUser) }, (_, i) =>
    codes.slice(i * enterprisesPerUser, (i + 1) * enterprisesPerUser),
  );
  const users: Member[] = new Array(groups.length);
  const admin = await adminApi();
  await inParallel([...groups.keys()], 10, async (i) => {
    const username = `ent-${tag()}`;
    const created = await admin.post('/api/users', {
      username,
      password: PASSWORD,
      displayName: username,
      role: 'enterprise_user',
      scope: { creditCodes: groups[i] },
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
    users[i] = { username, api: new Api(login.body.accessToken) };
  });
  return codes.map((creditCode, i) => ({
    creditCode,
    district,
    cluster,
    coordinator,
    districtOfficer,
    enterprise: users[Math.floor(i / enterprisesPerUser)],
    commissioner,
    industry,
    auditor,
  }));
}
