import type { Actor, Role, Scope } from '@hardtech/domain';
import { AccessService } from '@hardtech/persistence';
import { createCast, createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb, db, openDataSource } from '../support/db';
import { driveToSupporting } from '../support/drive';

// The scope rule (libs/persistence/src/access/access.service.ts) is applied two ways: for the
// caller, over named parameters (every read), and for many user rows at once, over their columns
// (the 抄送 picker). For one enterprise and users of every role, in scope and out of it, both say
// the same.
afterAll(() => closeDb());

it('lets the same users of every role see an enterprise, read for the caller or off the user row', async () => {
  const c = await createCast('500112', 'T2');
  // Admitted with its commissioner, and a ledger problem owned by the finance division.
  await driveToSupporting(c);
  const others: [Role, Scope, boolean][] = [
    ['system_admin', {}, true],
    ['security_admin', {}, false],
    ['audit_admin', {}, false],
    ['leader', {}, true],
    ['industry_officer', { clusters: ['T1'] }, false],
    ['district_officer', { districts: ['500101'] }, false],
    ['commissioner', {}, false],
    ['enterprise_user', { creditCodes: [freshCreditCode()] }, false],
    ['finance_officer', { department: 'finance' }, true],
    ['sme_officer', { department: 'sme' }, false],
  ];
  const created = await Promise.all(others.map(([role, scope]) => createUser(role, scope)));
  const expected = new Map<string, boolean>([
    ...[c.coordinator, c.districtOfficer, c.enterprise, c.commissioner, c.industry, c.auditor].map(
      (m: Member) => [m.username, true] as const,
    ),
    ...created.map((m, i) => [m.username, others[i][2]] as const),
  ]);
  const { rows } = await db().query(`SELECT username, role, scope FROM users WHERE username = ANY($1)`, [
    [...expected.keys()],
  ]);
  expect(rows).toHaveLength(expected.size);

  const access = new AccessService();
  const ds = await openDataSource();
  try {
    const seen = async (actor: Actor) => {
      const caller = access.enterprises(actor, 'e');
      const asCaller = await ds
        .createQueryBuilder()
        .select('1')
        .from('enterprises', 'e')
        .where('e.credit_code = :creditCode', { creditCode: c.creditCode })
        .andWhere(caller.sql, caller.params)
        .getRawOne();
      const asRow = await ds
        .createQueryBuilder()
        .select('1')
        .from('users', 'u')
        .innerJoin('enterprises', 'e', 'e.credit_code = :creditCode', { creditCode: c.creditCode })
        .where('u.username = :username', { username: actor.username })
        .andWhere(access.enterpriseSeenByUser('u', 'e'))
        .getRawOne();
      return [actor.username, !!asCaller, !!asRow];
    };
    const answers = await Promise.all(rows.map((u: Actor) => seen(u)));
    expect(answers.sort()).toEqual([...expected].map(([username, sees]) => [username, sees, sees]).sort());
  } finally {
    await ds.destroy();
  }
});
