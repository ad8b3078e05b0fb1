import { Card, Col, Row, Select, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useReference } from '../../api/reference';
import { briefingFileName } from '@hardtech/domain/printouts/briefing-name';
import { CLUSTER_POPUP, clusterOptions, useReferenceNames } from '../../api/referenceNames';
import { useApi } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { useLocalText } from '../../i18n';
import { ChartCard } from './ChartCard';
import {
  admittedByYearOption,
  barsOption,
  cohortsOption,
  endingsOption,
  ownersOption,
  pieOption,
  poolOverTimeOption,
} from './charts';
import type { Kpi } from './kpi';
import { KpiCards } from './KpiCards';
import { OverdueTaskList } from './OverdueTaskList';
import { EndingsSummary } from './EndingsSummary';
import { ChartClick, chartLink, LINKED_CHARTS, TASK_CHARTS } from './links';
import { useInboxAllowed } from './useInboxAllowed';
import { StageBreakdown } from './StageBreakdown';
import { useClearable } from '../../components/controlLabels';

// The pool started with the 2023 work plan (渝经信科技〔2023〕21号); the API refuses earlier years.
const FIRST_YEAR = 2023;
const HALF = { xs: 24, lg: 12 };
const THIRD = { xs: 24, md: 12, xl: 8 };
/** Who may download 调度会材料 (BRIEFING_READERS in libs/domain/src/roles.ts; the API refuses others). */
const BRIEFING_READERS = ['city_coordinator', 'leader', 'auditor'];

/** The quarter a year's meeting pack is of: this quarter for this year, the fourth for a past year. */
function briefingQuarter(year: number, now = new Date()): string {
  return year === now.getFullYear() ? `${year}Q${Math.floor(now.getMonth() / 3) + 1}` : `${year}Q4`;
}

/** The address's `year=` if it is one the dashboard offers (2023 to this year), else this year. */
function yearOf(asked: string | null, thisYear: number): number {
  const y = Number(asked);
  return Number.isInteger(y) && y >= FIRST_YEAR && y <= thisYear ? y : thisYear;
}

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const clear = useClearable();
  const local = useLocalText();
  const user = useUser();
  const thisYear = new Date().getFullYear();
  // Industry officers and coordinators work by cluster: the figures of one, kept in the address as
  // the lists keep their filters, and every figure opens its list of that cluster (links.ts). Each
  // choice is a history entry, as the ledger's filters are: Back returns to the cluster before. The
  // year too (`year=`, this year when absent or out of range): a reload, Back or a shared link keeps it.
  const [params, setParams] = useSearchParams();
  const cluster = params.get('cluster') || undefined;
  const year = yearOf(params.get('year'), thisYear);
  const setParam = (key: 'cluster' | 'year', value: string | undefined) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const setCluster = (code: string | undefined) => setParam('cluster', code);
  const setYear = (y: number) => setParam('year', String(y));
  const reference = useReference();
  const names = useReferenceNames();
  const chosen = reference?.clusters.find((c) => c.code === cluster);
  const briefingCluster = cluster ? { code: cluster, name: chosen?.name ?? cluster } : null;
  const { data: kpi, error, loading } = useApi<Kpi>('/reports/kpi', { year, cluster });
  const navigate = useNavigate();
  // Auditors read the dashboard but have no inbox: the overdue-task bars open nothing for them.
  const linked = [...LINKED_CHARTS, ...(useInboxAllowed() ? TASK_CHARTS : [])];
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  const charts = useMemo(() => {
    if (!kpi) return [];
    const p = kpi.problems;
    const o = kpi.overdueTasks;
    return [
      {
        key: 'poolOverTime',
        option: poolOverTimeOption(kpi, t),
        empty: !kpi.poolOverTime.length,
        span: HALF,
      },
      {
        key: 'cohorts',
        option: cohortsOption(kpi, t),
        empty: !kpi.revenueDoubling.cohorts.length,
        span: HALF,
      },
      {
        key: 'admittedByYear',
        option: admittedByYearOption(kpi, t),
        empty: !kpi.admittedByYear.length,
        span: HALF,
      },
      {
        key: 'endings',
        option: endingsOption(kpi, local, t),
        empty: !kpi.endings.byReason.length,
        span: HALF,
      },
      { key: 'byCategory', option: pieOption(p.byCategory, local), empty: !p.total, span: THIRD },
      { key: 'byStatus', option: pieOption(p.byStatus, local), empty: !p.total, span: THIRD },
      { key: 'byOwner', option: ownersOption(kpi, local, t), empty: !p.total, span: THIRD },
      {
        key: 'overdueByDepartment',
        option: barsOption(o.byDepartment, local, t('charts.tasks')),
        empty: !o.total,
        span: HALF,
      },
      {
        key: 'overdueByDistrict',
        option: barsOption(o.byDistrict, local, t('charts.tasks')),
        empty: !o.total,
        span: HALF,
      },
    ];
  }, [kpi, t, local]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
            <Select
              aria-label={t('year')}
              data-testid="year"
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              style={{ width: 100 }}
            />
            <Select
              {...CLUSTER_POPUP}
              aria-label={t('cluster')}
              placeholder={t('allClusters')}
              data-testid="dashboard-cluster"
              allowClear={clear}
              showSearch={{ optionFilterProp: 'label' }}
              value={cluster}
              onChange={setCluster}
              options={clusterOptions(reference?.clusters, local)}
              style={{ width: 220 }}
            />
            {kpi && <Typography.Text type="secondary">{t('asOf', { date: kpi.asOf })}</Typography.Text>}
            <Typography.Text type="secondary">{t('linkHint')}</Typography.Text>
          </Space>
          <Space wrap>
            {BRIEFING_READERS.includes(user.role) && (
              // The pack of the chosen cluster, as every figure beside it: the server narrows it
              // and titles it so (调度会材料（先进制造·T2）); the button and the file say it too.
              <ExportButton
                path="/reports/dispatch-briefing.docx"
                fileName={briefingFileName(briefingQuarter(year), briefingCluster)}
                query={{ quarter: briefingQuarter(year), cluster }}
                label={cluster ? t('briefingOf', { cluster: names.cluster(cluster) }) : t('briefing')}
                testId="briefing"
              />
            )}
            <ExportButton
              path="/reports/kpi.xlsx"
              fileName={`kpi-${year}${cluster ? `-${cluster}` : ''}.xlsx`}
              query={{ year, cluster }}
            />
          </Space>
        </Space>
      </Card>
      <ErrorAlert error={error} />
      {loading && !kpi && <Spin />}
      {kpi && (
        <>
          <KpiCards kpi={kpi} />
          <StageBreakdown kpi={kpi} />
          <Row gutter={[16, 16]}>
            {charts.map((c) => (
              <Col key={c.key} {...c.span}>
                <ChartCard
                  title={t(
                    `sections.${c.key === 'admittedByYear' && kpi.city ? 'admittedByYearOwn' : c.key}`,
                  )}
                  option={c.option}
                  empty={c.empty}
                  testId={`chart-${c.key}`}
                  onClick={
                    linked.includes(c.key)
                      ? (click: ChartClick) => {
                          const to = chartLink(c.key, kpi, click);
                          if (to) navigate(to);
                        }
                      : undefined
                  }
                />
              </Col>
            ))}
          </Row>
          <OverdueTaskList kpi={kpi} />
          <EndingsSummary kpi={kpi} />
        </>
      )}
    </Space>
  );
}
