import type { Role } from '@hardtech/domain';
import { ADMIN, adminApi, createUser, freshCreditCode, Member, tag } from './cast';
import { driveToSupporting, tickQuarter } from './drive';
import { complete, expectOk, JUDGMENTS, problem } from './lifecycle';
import { sampleNomination } from '@hardtech/domain';

/** The enterprises of a world: supporting (a quarterly report open), in feedback, and elsewhere. */
export type EnterpriseKey = 'SUP' | 'FB' | 'OUT';
/** Its open tasks: SUP's quarterly report, FB's district feedback and confirmation, OUT's screening. */
export type TaskKey = 'QR' | 'DF' | 'EC' | 'SCREEN';

export interface World {
  tag: string;
  districtIn: string;
  clusterIn: string;
  enterprises: Record<EnterpriseKey, string>;
  tasks: Record<TaskKey, string>;
  /** One user per role, scoped to the "in" side (district, cluster, SUP's enterprise, commissioner of SUP). */
  users: Record<Role, Member>;
  /** A second user with the same scope, to delegate to. */
  colleagues: Partial<Record<Role, Member>>;
  /** A credit code in the enterprise user's scope that has no lifecycle yet. */
  unnominated: string;
}

/**
 * A small pool for scope tests: SUP and FB in `districtIn` / `clusterIn`, OUT in another district
 * and cluster. SUP's ledger has problems owned by the SME and the finance divisions. Use districts
 * and clusters no other test file uses, so that unfiltered lists can be checked exactly.
 */
export async function buildWorld(
  districtIn: string,
  clusterIn: string,
  districtOut: string,
  clusterOut: string,
): Promise<World> {
  const t = tag();
  const [SUP, FB, OUT, unnominated] = [
    freshCreditCode(),
    freshCreditCode(),
    freshCreditCode(),
    freshCreditCode(),
  ];
  const [
    coordinator,
    industry,
    sme,
    finance,
    district,
    commissioner,
    enterprise,
    auditor,
    leader,
    coordinator2,
    district2,
    enterprise2,
    securityAdmin,
    auditAdmin,
  ] = await Promise.all([
    createUser('city_coordinator', {}),
    createUser('industry_officer', { clusters: [clusterIn] }),
    createUser('sme_officer', { department: 'sme' }),
    createUser('finance_officer', { department: 'finance' }),
    createUser('district_officer', { districts: [districtIn] }),
    createUser('commissioner', {}),
    createUser('enterprise_user', { creditCodes: [SUP, unnominated] }),
    createUser('auditor', {}),
    createUser('leader', {}),
    createUser('city_coordinator', {}),
    createUser('district_officer', { districts: [districtIn] }),
    createUser('enterprise_user', { creditCodes: [SUP] }),
    createUser('security_admin', {}),
    createUser('audit_admin', {}),
  ]);
  const admin: Member = { username: ADMIN.username, api: await adminApi() };
  const cast = {
    creditCode: SUP,
    district: districtIn,
    cluster: clusterIn,
    coordinator,
    districtOfficer: district,
    enterprise,
    commissioner,
    industry,
    auditor,
  };
  const nomination = (creditCode: string, district: string, cluster: string, suffix: string) =>
    sampleNomination({ creditCode, district, cluster, name: `范围测试${t}${suffix}` });

  await Promise.all([
    driveToSupporting(cast, {
      nomination: { name: `范围测试${t}甲` },
      problems: [
        problem({ ownerDepartment: 'sme', title: '专精特新培育' }),
        problem({ ownerDepartment: 'finance', title: '流动资金紧张' }),
      ],
    }).then(() => tickQuarter(cast, '2026Q3')),
    (async () => {
      await expectOk(district.api.post('/api/nominations', nomination(FB, districtIn, clusterIn, '乙')), 201);
      await expectOk(complete(coordinator.api, FB, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    })(),
    expectOk(coordinator.api.post('/api/nominations', nomination(OUT, districtOut, clusterOut, '丙')), 201),
  ]);

  const openTasks = async (creditCode: string) =>
    (await expectOk(coordinator.api.get(`/api/tasks?view=all&creditCode=${creditCode}`))).items;
  const byType = async (creditCode: string, type: string) =>
    (await openTasks(creditCode)).find((task: { type: string }) => task.type === type).id as string;
  return {
    tag: t,
    districtIn,
    clusterIn,
    enterprises: { SUP, FB, OUT },
    tasks: {
      QR: await byType(SUP, 'QUARTERLY_REPORT'),
      DF: await byType(FB, 'DISTRICT_FEEDBACK'),
      EC: await byType(FB, 'ENTERPRISE_CONFIRM'),
      SCREEN: await byType(OUT, 'SCREEN'),
    },
    users: {
      system_admin: admin,
      security_admin: securityAdmin,
      audit_admin: auditAdmin,
      city_coordinator: coordinator,
      industry_officer: industry,
      sme_officer: sme,
      finance_officer: finance,
      district_officer: district,
      commissioner,
      enterprise_user: enterprise,
      auditor,
      leader,
    },
    colleagues: { city_coordinator: coordinator2, district_officer: district2, enterprise_user: enterprise2 },
    unnominated,
  };
}
