import type { CaseOpinion } from '@hardtech/domain/case-file/case-file';
import { PROBLEM_STATUSES } from '@hardtech/domain/ledger';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useApi';
import { useOptionLabel } from '../../i18n';

interface ProblemUpdate {
  problemId: string;
  status?: string;
  note?: string;
}

/**
 * What a quarterly review did to the ledger (台账问题进展), under its opinion: each problem by its
 * title with the status it set and the reviewer's note, as far as the reader may see them. The
 * step's data names problems by id; their titles come from the ledger (GET /api/problems).
 */
export function OpinionLedger({ opinion, creditCode }: { opinion: CaseOpinion; creditCode: string }) {
  const { t } = useTranslation('task');
  const label = useOptionLabel();
  const updates = ((opinion.data ?? {}) as { problemUpdates?: ProblemUpdate[] }).problemUpdates ?? [];
  const { data } = useGet(updates.length ? '/problems' : null, { query: { creditCode, pageSize: 200 } });
  if (!updates.length) return null;
  const titles = new Map(data?.items.map((p) => [p.id, p.title]));
  return (
    <ul style={{ margin: '4px 0', paddingInlineStart: 18 }} data-testid={`ledger-${opinion.taskId}`}>
      {updates.map((u, i) => (
        <li key={`${u.problemId}-${i}`}>
          <Typography.Text>{titles.get(u.problemId) ?? t('caseFile.problem')}</Typography.Text>
          {u.status && <Tag style={{ marginInlineStart: 6 }}>{label(PROBLEM_STATUSES, u.status)}</Tag>}
          {u.note && <Typography.Text type="secondary">{u.note}</Typography.Text>}
        </li>
      ))}
    </ul>
  );
}
