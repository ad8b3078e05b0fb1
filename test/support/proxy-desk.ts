import { adminApi, Cast, createCast, createUser, Member } from './cast';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask } from './lifecycle';

const WEEK_MS = 7 * 86_400_000;
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * 委托代理: `principal` names `to` their proxy from `fromMs` after now (a minute ago unless told: it
 * runs) for a week.
 */
export function nameProxy(principal: Member, to: Member, fromMs = -60_000): Promise<any> {
  return expectOk(
    principal.api.put('/api/me/proxy', { to: to.username, from: fromNow(fromMs), until: fromNow(WEEK_MS) }),
  );
}

/** A desk a proxy may run: a fresh lifecycle, the principal's personal task and who stands in. */
export interface ProxyDesk {
  c: Cast;
  /** Of the principal's role and scope; named their proxy by `nameProxy`, when the test wants it. */
  standIn: Member;
  /** The task the principal holds (claimed): nobody else of their role may act on it. */
  taskId: string;
}

/**
 * A district officer's desk: a nomination screened, its DISTRICT_FEEDBACK claimed by the cast's
 * district officer (renamed 区县 孙八, so the history's 代 X reads as a name); a stand-in 钱七 and a
 * colleague of the same district.
 */
export async function districtDesk(
  district: string,
  cluster: string,
): Promise<ProxyDesk & { colleague: Member }> {
  const c = await createCast(district, cluster);
  const [standIn, colleague] = await Promise.all([
    createUser('district_officer', { districts: [district] }, undefined, '钱七'),
    createUser('district_officer', { districts: [district] }),
  ]);
  await expectOk(
    (await adminApi()).patch(`/api/users/${c.districtOfficer.username}`, { displayName: '区县 孙八' }),
  );
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  const taskId = (await openTask(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK')).id;
  await expectOk(c.districtOfficer.api.post(`/api/tasks/${taskId}/claim`, {}));
  return { c, standIn, colleague, taskId };
}

/**
 * A city coordinator's desk: a nomination's SCREEN, or its ADMIT once the feedbacks are in, claimed
 * by the cast's coordinator; a stand-in coordinator 赵六.
 */
export async function coordinatorDesk(
  district: string,
  cluster: string,
  step: 'SCREEN' | 'ADMIT',
): Promise<ProxyDesk> {
  const c = await createCast(district, cluster);
  const standIn = await createUser('city_coordinator', {}, undefined, '赵六');
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  if (step === 'ADMIT') {
    await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    await expectOk(
      complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
    );
    await expectOk(complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
  }
  const taskId = (await openTask(c.coordinator.api, c.creditCode, step)).id;
  await expectOk(c.coordinator.api.post(`/api/tasks/${taskId}/claim`, {}));
  return { c, standIn, taskId };
}
