import { Alert, Card, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_PATH, nextStage, pathStep, STAGE_LABELS, type Stage } from '@hardtech/domain/stages';
import { useFormat } from '../../format';
import { useLocalText } from '../../i18n';
import { useNarrow } from '../../layout/useNarrow';

/** Where the enterprise stands on its path, since when, and what comes next. */
export function PathCard({ stage, since }: { stage: Stage; since: string | null }) {
  const { t } = useTranslation('dashboard');
  const local = useLocalText();
  const format = useFormat();
  const narrow = useNarrow();
  const at = pathStep(stage);
  const next = nextStage(stage);
  const current = local(STAGE_LABELS[stage]);
  return (
    <Card title={t('home.path.title')} size="small" data-testid="home-path">
      <Typography.Paragraph data-testid="home-now">
        {t('home.path.now', { stage: current })}
        {since && t('home.path.since', { date: format.date(since) })}
      </Typography.Paragraph>
      {at >= 0 && (
        <Steps
          size="small"
          orientation={narrow ? 'vertical' : 'horizontal'}
          titlePlacement={narrow ? 'horizontal' : 'vertical'}
          current={at}
          status={stage === 'graduated' ? 'finish' : 'process'}
          items={ENTERPRISE_PATH.map((s) => ({ title: local(STAGE_LABELS[s]) }))}
        />
      )}
      <Alert
        style={{ marginTop: 16 }}
        type={stage === 'supplement' ? 'warning' : stage === 'graduated' ? 'success' : 'info'}
        data-testid="home-next"
        title={
          next
            ? t('home.path.next', { stage: local(STAGE_LABELS[next]) })
            : t('home.path.ended', { stage: current })
        }
        description={t(`home.path.hint.${stage}`)}
      />
    </Card>
  );
}
