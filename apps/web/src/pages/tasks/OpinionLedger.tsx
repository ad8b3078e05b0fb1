import type { CaseOpinion } from '@hardtech/domain/case-file/case-file';
import { PROBLEM_STATUSES } from '@hardtech/domain/ledger';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOptionLabel } from '../../i18n';

interface ProblemUpdate {
  problemId: string;
  status?: string;
  note?: string;
}

/** The ledger updates a step sent (a quarterly review's 台账问题进展), as far as the reader may see them. */
export function problemUpdatesOf(opinion: CaseOpinion): ProblemUpdate[] {
  return ((opinion.data ?? {}) as { problemUpdates?: ProblemUpdate[] }).problemUpdates ?? [];
}

/**
 * What a quarterly review did to the ledger, under its opinion: each problem by its title with the
 * status it set and the reviewer's note. The step's data names problems by id; `titles` come from
 * the ledger, asked once for the whole case file (CaseFilePanel).
 */
export function OpinionLedger({ opinion, titles }: { opinion: CaseOpinion; titles: Map<string, string> }) {
  const { t } = useTranslation('task');
  const label = useOptionLabel();
  const updates = problemUpdatesOf(opinion);
  if (!updates.length) return null;
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
