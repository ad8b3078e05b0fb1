// GET /api/problems (apps/api/src/dtos/problem.dto.ts LedgerDto).
import type { Problem } from '@hardtech/domain/ledger';
import { problemWorkEnded } from '@hardtech/domain/problem-work';
import type { Role } from '@hardtech/domain/roles';
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

/** Roles that may work a problem; the server decides whether this one is the owner's (403 else). */
const WORKERS: readonly Role[] = [
  'industry_officer',
  'sme_officer',
  'finance_officer',
  'district_officer',
  'commissioner',
];

/**
 * Whether the role works ledger problems at all: the owner departments and the commissioner record
 * progress, 科技处 sets the special handling. Not an enterprise, which reads its own problems (and
 * blows the whistle from its home), nor those who only read.
 */
export function worksProblems(role: Role): boolean {
  return WORKERS.includes(role) || role === 'city_coordinator';
}

/**
 * Whether the problem is still worked: not closed out (销号), its enterprise's lifecycle running.
 * Else the drawer is read-only and the row offers 查看, not 办理 for work the server refuses.
 */
export function problemOpenToWork(p: Pick<LedgerProblem, 'status' | 'enterpriseStage'>): boolean {
  return p.status !== 'resolved' && !problemWorkEnded(p.enterpriseStage);
}
