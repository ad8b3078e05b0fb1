// GET /api/problems (apps/api/src/dtos/problem.dto.ts LedgerDto).
import type { Problem } from '@hardtech/domain/ledger';
import { problemWorkEnded, type ProblemWorkKind } from '@hardtech/domain/problem-work';
import type { Role } from '@hardtech/domain/roles';
import type { Stage } from '@hardtech/domain/stages';
import type { Text } from '@hardtech/domain/text';

export interface LedgerProblem extends Problem {
  whistleStatus: 'open' | 'answered' | null;
  whistledAt: string | null;
  creditCode: string;
  enterpriseName: string;
  /** graduated, exited, rejected: the problem is read-only (problemWorkEnded). */
  enterpriseStage: Stage;
  district: string;
  cluster: string;
  updatedAt: string;
  /** The lead cluster's 行业处室: the 责任部门 of an `industry` problem (useResponsibleDepartment). */
  leadDivision?: Text | null;
  /** The work the server lets the reader do on it now (problemWorkKinds): 办理 when any, else 查看. */
  workKinds: ProblemWorkKind[];
}

/** The roles that work ledger problems: the owner departments, the commissioner, 科技处 (the handling). */
const WORKERS: readonly Role[] = [
  'industry_officer',
  'sme_officer',
  'finance_officer',
  'district_officer',
  'commissioner',
  'city_coordinator',
];

/**
 * Who works this problem when the reader may not, as the drawer says it: the reader's role works
 * other problems (an enterprise, a leader only read), the problem is still open and its lifecycle
 * runs, yet the server offers it no work — another department's (定点联系).
 */
export function workedByOthers(
  role: Role,
  p: Pick<LedgerProblem, 'status' | 'enterpriseStage' | 'workKinds'>,
): boolean {
  return (
    WORKERS.includes(role) &&
    !p.workKinds.length &&
    p.status !== 'resolved' &&
    !problemWorkEnded(p.enterpriseStage)
  );
}
