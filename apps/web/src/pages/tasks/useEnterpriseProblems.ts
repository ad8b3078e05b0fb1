import { useGet } from '../../api/useApi';

/**
 * The enterprise's ledger problems (GET /api/problems, the reader's redaction), asked only when a
 * page needs them: the review's problem picker, the titles under a review's opinion.
 */
export function useEnterpriseProblems(creditCode: string | undefined, wanted: boolean) {
  return useGet(wanted && creditCode ? '/problems' : null, { query: { creditCode, pageSize: 200 } }).data
    ?.items;
}
