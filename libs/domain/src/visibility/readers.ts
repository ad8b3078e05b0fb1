import { Role } from '../roles';

/**
 * Who reads, as far as officers' deliberations go (issue 20 item 1, docs/security.md):
 * - `officer`: the people who decide and those who oversee them (coordinator, industry, district,
 *   commissioner, leader, auditor, administrators) read every step whole;
 * - `department`: 中小企业处 and 产业金融处 work ledger items; they read the enterprise's data and the
 *   ledger, not other departments' judgments, opinions, scores or comments;
 * - `enterprise`: reads its own submissions whole and, of officers' steps, only the type, outcome
 *   and time, plus what is addressed to it (a final decision's reason, a request, a reply).
 */
export type Reader = 'officer' | 'department' | 'enterprise';

const DEPARTMENT_ROLES: readonly Role[] = ['sme_officer', 'finance_officer'];

export function readerOf(role: Role): Reader {
  if (role === 'enterprise_user') return 'enterprise';
  return DEPARTMENT_ROLES.includes(role) ? 'department' : 'officer';
}
