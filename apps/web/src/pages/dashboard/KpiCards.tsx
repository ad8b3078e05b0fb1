import { Card, Col, Progress, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Kpi } from './kpi';

const SPAN = { xs: 24, sm: 12, xl: 6 };

/** The four figures a leader asks for first: pool size, this year's admissions, 三年倍增, overdue work. */
export function KpiCards({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation('dashboard');
  const doubling = kpi.revenueDoubling;
  const targetPercent = Math.min(
    100,
    Math.round((kpi.admittedThisYear / Math.max(1, kpi.annualTarget)) * 100),
  );
  return (
    <Row gutter={[16, 16]} data-testid="kpi-cards">
      <Col {...SPAN}>
        <Card data-testid="kpi-pool">
          <Statistic
            title={t('kpi.poolSize')}
            value={kpi.poolSize}
            suffix={t('kpi.ofCapacity', { n: kpi.poolCapacity })}
          />
        </Card>
      </Col>
      <Col {...SPAN}>
        <Card data-testid="kpi-admitted">
          <Statistic
            title={t('kpi.admitted', { year: kpi.year })}
            value={kpi.admittedThisYear}
            suffix={`/ ${kpi.annualTarget}`}
          />
          <Progress
            percent={targetPercent}
            size="small"
            status={kpi.admittedThisYear >= kpi.annualTarget ? 'success' : 'active'}
          />
        </Card>
      </Col>
      <Col {...SPAN}>
        <Card data-testid="kpi-doubling">
          <Statistic
            title={t('kpi.onTrack')}
            value={doubling.onTrack}
            suffix={t('kpi.ofReporting', { n: doubling.reporting })}
          />
          <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('kpi.doubled', { n: doubling.doubled })}</div>
        </Card>
      </Col>
      <Col {...SPAN}>
        <Card data-testid="kpi-overdue">
          <Statistic
            title={t('kpi.overdueTasks')}
            value={kpi.overdueTasks.total}
            styles={{ content: { color: kpi.overdueTasks.total ? '#cf1322' : undefined } }}
          />
          <div style={{ color: 'rgba(0,0,0,0.45)' }}>
            {t('kpi.overdueProblems', { n: kpi.problems.overdue })}
          </div>
        </Card>
      </Col>
    </Row>
  );
}
