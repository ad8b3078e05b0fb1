import { Cast, createUser, Member } from './cast';
import { expectOk } from './lifecycle';

/** The departments that read the ledger items they own only (docs/design.md 2.4). */
export type Department = 'sme' | 'finance';

/** One department's part of a seed: its officer, its problem and the words only that problem holds. */
export interface DepartmentSide {
  officer: Member;
  problemId: string;
  marks: string[];
}

/**
 * The department scope tests' seed, on an enterprise driven to supporting with a problem of each
 * department: an officer of 中小企业处 and of 产业金融处, the problems' ids by title (as the
 * coordinator's page lists them), and the enterprise's whistle (吹哨) on a problem, which opens its
 * department's 部门报到 (the task's id).
 */
export async function departmentsOf(c: Cast) {
  const [sme, finance] = await Promise.all([
    createUser('sme_officer', { department: 'sme' }),
    createUser('finance_officer', { department: 'finance' }),
  ]);
  const { problems } = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}`));
  const idOf = (title: string): string => problems.find((p: { title: string }) => p.title === title).id;
  const whistle = async (problemId: string, title: string, description = `${title}，请协调`) =>
    (
      await expectOk(
        c.enterprise.api.post(`/api/enterprises/${c.creditCode}/whistle`, { problemId, title, description }),
        201,
      )
    ).task.id as string;
  const officers: Record<Department, Member> = { sme, finance };
  return { officers, idOf, whistle };
}

/** Each department's side with the other's: what one reads of its own and not of the other's. */
export const bothWays = <T>(sides: Record<Department, T>) =>
  [
    [sides.sme, sides.finance],
    [sides.finance, sides.sme],
  ] as const;

/** The readers who see the enterprise and read its whole ledger (not `readsOwnLedgerOnly`). */
export const wholeLedgerReaders = (c: Cast): Member[] => [
  c.coordinator,
  c.industry,
  c.districtOfficer,
  c.commissioner,
  c.auditor,
  c.enterprise,
];
