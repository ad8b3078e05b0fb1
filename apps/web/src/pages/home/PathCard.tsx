import { Alert, Card, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_PATH, FINAL_STAGES, pathStep, STAGE_LABELS, type Stage } from '@hardtech/domain/stages';
import { useFormat } from '../../format';
import { useLocalText } from '../../i18n';
import { STEP_ICONS } from '../../components/controlLabels';
import { useNarrow } from '../../layout/useNarrow';
import type { EnterpriseDetail, OpenTask } from '../enterprises/types';

interface PathCardProps {
  stage: Stage;
  since: string | null;
  /** The enterprise's own open tasks (GET /api/enterprises/:creditCode shows it no one else's). */
  tasks: OpenTask[];
  /** In 补充材料: what the screening asked the nominator to supplement (null in other stages). */
  request: EnterpriseDetail['supplementRequest'];
}

/**
 * Where the enterprise stands on its path, since when, and what it must do next: its task due
 * first, else, while supported, its next quarterly report, else nothing. The next stage of the path
 * (移出评审 while supported) is the officers' step, not the enterprise's: the steps above show it.
 * In 补充材料 it quotes what the screening asked for, as the enterprise's own history does: the
 * nominator supplements, but the enterprise may hold the figures asked about.
 */
export function PathCard({ stage, since, tasks, request }: PathCardProps) {
  const { t } = useTranslation('dashboard');
  const local = useLocalText();
  const format = useFormat();
  const narrow = useNarrow();
  const at = pathStep(stage);
  const current = local(STAGE_LABELS[stage]);
  const [task] = [...tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const taskName = task && [local(task.label) || task.type, task.quarter].filter(Boolean).join(' ');
  const next = FINAL_STAGES.includes(stage)
    ? t('home.path.ended', { stage: current })
    : task
      ? t(task.overdue ? 'home.path.nextTaskOverdue' : 'home.path.nextTask', {
          task: taskName,
          date: format.date(task.dueAt),
        })
      : stage === 'supporting'
        ? t('home.path.nextReport')
        : t('home.path.nothing');
  return (
    <Card title={t('home.path.title')} size="small" data-testid="home-path">
      <Typography.Paragraph data-testid="home-now">
        {t('home.path.now', { stage: current })}
        {since && t('home.path.since', { date: format.date(since) })}
      </Typography.Paragraph>
      {at >= 0 && (
        <Steps
          {...STEP_ICONS}
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
        title={next}
        description={
          <>
            {t(`home.path.hint.${stage}`)}
            {stage === 'supplement' && request?.asked && (
              <div data-testid="home-supplement-request" style={{ marginTop: 8 }}>
                <Typography.Text strong>
                  {t('home.path.asked', { date: format.date(request.at) })}
                </Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {request.asked}
                </Typography.Paragraph>
              </div>
            )}
          </>
        }
      />
    </Card>
  );
}
