import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Kpi } from './kpi';
import { enterpriseList, ledgerList, overdueTasksList, poolOn, withCluster } from './links';
import { useInboxAllowed } from './useInboxAllowed';

const SPAN = { xs: 24, sm: 12, xl: 6 };
/**
 * Each card as tall as its row (the columns stretch, a card does not by itself): 在库 has no line
 * under its figure, and stood shorter than its neighbours at 1440.
 */
const FILL = { height: '100%' };

/**
 * The four figures a leader asks for first: pool size, this year's admissions, 三年倍增, overdue work.
 * The capacity and the annual target are the city's (no district has a quota): a reader whose scope
 * is narrower reads its own count, and the city's count beside the city's capacity and target (全市),
 * never its own count over the city's denominator.
 */
export function KpiCards({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation('dashboard');
  const doubling = kpi.revenueDoubling;
  const inbox = useInboxAllowed();
  /** A figure that opens the list of what it counts, of the cluster the figures are of. */
  const linked = (to: string, testId: string) => (node: ReactNode) => (
    <Link to={withCluster(to, kpi)} data-testid={testId}>
      {node}
    </Link>
  );
  const city = kpi.city;
  const admitted = city?.admittedThisYear ?? kpi.admittedThisYear;
  const targetPercent = Math.min(100, Math.round((admitted / Math.max(1, kpi.annualTarget)) * 100));
  const progress = (
    <Progress
      percent={targetPercent}
      size="small"
      status={admitted >= kpi.annualTarget ? 'success' : 'active'}
    />
  );
  return (
    <Row gutter={[16, 16]} data-testid="kpi-cards">
      <Col {...SPAN}>
        <Card data-testid="kpi-pool" style={FILL}>
          <Statistic
            title={t(city ? 'kpi.poolSizeOwn' : 'kpi.poolSize')}
            value={kpi.poolSize}
            valueRender={linked(poolOn(kpi.asOf), 'link-pool')}
            suffix={city ? t('kpi.unit') : t('kpi.outOf', { n: kpi.poolCapacity })}
          />
          {city && (
            <Typography.Text type="secondary" data-testid="kpi-city-pool">
              {t('kpi.cityOutOf', { n: city.poolSize, of: kpi.poolCapacity })}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col {...SPAN}>
        <Card data-testid="kpi-admitted" style={FILL}>
          <Statistic
            title={t(city ? 'kpi.admittedOwn' : 'kpi.admitted', { year: kpi.year })}
            value={kpi.admittedThisYear}
            valueRender={linked(enterpriseList({ admittedIn: kpi.year }), 'link-admitted')}
            suffix={city ? t('kpi.unit') : t('kpi.outOf', { n: kpi.annualTarget })}
          />
          {city && (
            <Typography.Text type="secondary" data-testid="kpi-city-admitted">
              {t('kpi.cityOutOf', { n: city.admittedThisYear, of: kpi.annualTarget })}
            </Typography.Text>
          )}
          {progress}
        </Card>
      </Col>
      <Col {...SPAN}>
        <Card data-testid="kpi-doubling" style={FILL}>
          <Statistic
            title={t('kpi.onTrack')}
            value={doubling.onTrack}
            valueRender={linked(poolOn(kpi.asOf, { doubling: 'on_track' }), 'link-on-track')}
            suffix={linked(
              poolOn(kpi.asOf, { doubling: 'reporting' }),
              'link-reporting',
            )(t('kpi.outOf', { n: doubling.reporting }))}
          />
          <Link to={withCluster(poolOn(kpi.asOf, { doubling: 'doubled' }), kpi)} data-testid="link-doubled">
            {t('kpi.doubled', { n: doubling.doubled })}
          </Link>
        </Card>
      </Col>
      <Col {...SPAN}>
        <Card data-testid="kpi-overdue" style={FILL}>
          <Statistic
            title={t('kpi.overdueTasks')}
            value={kpi.overdueTasks.total}
            styles={{ content: { color: kpi.overdueTasks.total ? '#cf1322' : undefined } }}
            valueRender={inbox ? linked(overdueTasksList(), 'link-overdue-tasks') : undefined}
          />
          <Link to={withCluster(ledgerList({ overdue: 'true' }), kpi)} data-testid="link-overdue-problems">
            {t('kpi.overdueProblems', { n: kpi.problems.overdue })}
          </Link>
        </Card>
      </Col>
    </Row>
  );
}
