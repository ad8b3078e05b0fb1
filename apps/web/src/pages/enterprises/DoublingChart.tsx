import { moneyText, moneyUnit } from '@hardtech/domain/money';
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyEChart } from '../../components/LazyEChart';
import { useLocale } from '../../i18n';
import { useNarrow } from '../../layout/useNarrow';
import { doublingGrid } from './chartOptions';
import { doublingLine } from './doublingLine';
import type { QuarterlyReport } from './types';

/**
 * Quarterly revenue and its annualised trend against the path to doubling in three years, in 万元
 * (Chinese) or CNY million (English), as moneyText words the amounts in the tooltip.
 */
export function DoublingChart(props: {
  baseline: number | null;
  admittedAt: string | undefined;
  reports: QuarterlyReport[];
}) {
  const { t } = useTranslation('enterprise');
  const locale = useLocale();
  const narrow = useNarrow();
  const { baseline, admittedAt, reports } = props;
  const option = useMemo(() => {
    if (!baseline || !admittedAt) return null;
    const points = doublingLine(baseline, admittedAt, reports);
    const unit = moneyUnit(locale);
    const scaled = (yuan: number | null) =>
      yuan === null ? null : Math.round(yuan / 100) / (unit.yuan / 100);
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) =>
          v === null ? '—' : moneyText(Math.round(v * unit.yuan), locale),
      },
      ...doublingGrid(narrow),
      xAxis: { type: 'category', data: points.map((p) => p.quarter) },
      yAxis: { type: 'value', name: unit.label, min: 0 },
      series: [
        {
          name: t('doubling.revenue'),
          type: 'bar',
          data: points.map((p) => scaled(p.revenue)),
          barMaxWidth: 24,
        },
        {
          name: t('doubling.annualized'),
          type: 'line',
          connectNulls: true,
          data: points.map((p) => scaled(p.annualized)),
        },
        {
          name: t('doubling.path'),
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: points.map((p) => scaled(p.path)),
          markLine: {
            symbol: 'none',
            label: { formatter: t('doubling.target'), position: 'insideEndTop' },
            data: [{ yAxis: (baseline * 2) / unit.yuan }],
          },
        },
      ],
    };
  }, [baseline, admittedAt, reports, t, locale, narrow]);
  if (!option) return <Typography.Text type="secondary">{t('doubling.none')}</Typography.Text>;
  return <LazyEChart option={option} testId="doubling" />;
}
