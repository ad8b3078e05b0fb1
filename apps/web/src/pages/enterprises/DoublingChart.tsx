import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { doublingLine } from './doublingLine';
import type { QuarterlyReport } from './types';

const WAN = 10_000;
const wan = (yuan: number | null) => (yuan === null ? null : Math.round(yuan / 100) / 100);

/** Quarterly revenue and its annualised trend against the path to doubling in three years, in 万元. */
export function DoublingChart(props: {
  baseline: number | null;
  admittedAt: string | undefined;
  reports: QuarterlyReport[];
}) {
  const { t } = useTranslation('enterprise');
  const { baseline, admittedAt, reports } = props;
  const option = useMemo(() => {
    if (!baseline || !admittedAt) return null;
    const points = doublingLine(baseline, admittedAt, reports);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: points.map((p) => p.quarter) },
      yAxis: { type: 'value', name: t('doubling.unit'), min: 0 },
      series: [
        {
          name: t('doubling.revenue'),
          type: 'bar',
          data: points.map((p) => wan(p.revenue)),
          barMaxWidth: 24,
        },
        {
          name: t('doubling.annualized'),
          type: 'line',
          connectNulls: true,
          data: points.map((p) => wan(p.annualized)),
        },
        {
          name: t('doubling.path'),
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: points.map((p) => wan(p.path)),
          markLine: {
            symbol: 'none',
            label: { formatter: t('doubling.target'), position: 'insideEndTop' },
            data: [{ yAxis: (baseline * 2) / WAN }],
          },
        },
      ],
    };
  }, [baseline, admittedAt, reports, t]);
  if (!option) return <Typography.Text type="secondary">{t('doubling.none')}</Typography.Text>;
  return <EChart option={option} testId="doubling" />;
}
