// GET /api/problems (apps/api/src/dtos/problem.dto.ts LedgerDto).
import type { Problem } from '@hardtech/domain/ledger';
import type { Stage } from '@hardtech/domain/stages';

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
}

/** Not resolved and past its due date, as the API's `overdue` filter counts it. */
export function isOverdue(problem: Pick<LedgerProblem, 'status' | 'dueAt'>, today: string): boolean {
  return problem.status !== 'resolved' && problem.dueAt < today;
}
