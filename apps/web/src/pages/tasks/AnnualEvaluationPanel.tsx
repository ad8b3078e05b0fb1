import { Alert, Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnnualEvaluation } from '@hardtech/domain/annual-review';
import { withMoneyText } from '@hardtech/domain/screening';
import { useLocale, useLocalText } from '../../i18n';

/**
 * 动态管理: what the annual update showed (issue 19.3), beside the GRADUATION_REVIEW it opened. The
 * API sends it to officers only (libs/domain/src/visibility/task-details.ts).
 */
export function AnnualEvaluationPanel({ evaluation }: { evaluation: AnnualEvaluation }) {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const locale = useLocale();
  const color =
    evaluation.proposal === 'graduate' ? 'green' : evaluation.proposal === 'exit' ? 'red' : 'blue';
  return (
    <Card
      size="small"
      title={t('evaluation.title', { year: evaluation.year })}
      data-testid="annual-evaluation"
    >
      <Tag color={color} data-testid="annual-proposal">
        {t(`evaluation.proposal.${evaluation.proposal}`)}
      </Tag>
      {evaluation.growth !== null && <span>{t('evaluation.growth', { growth: evaluation.growth })}</span>}
      {evaluation.findings.length ? (
        <List
          size="small"
          dataSource={evaluation.findings}
          renderItem={(f) => <List.Item>{withMoneyText(text(f.detail), locale)}</List.Item>}
        />
      ) : (
        <Alert type="success" title={t('evaluation.none')} />
      )}
    </Card>
  );
}
