import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DIAGNOSIS_DIMENSIONS } from '@hardtech/domain/ledger';
import { LazyEChart } from '../../components/LazyEChart';
import { useFormat } from '../../format';
import { useLocalText } from '../../i18n';
import type { PortraitEntry } from './types';

/** 企业画像: the growth diagnosis's score (1–5) on each dimension of 二(二), as a radar. */
export function PortraitChart({
  portrait,
  diagnosedAt,
}: {
  portrait: Record<string, PortraitEntry> | undefined;
  /** When the diagnosis was made: shown where its scores are not (the enterprise reads no scores). */
  diagnosedAt?: string | null;
}) {
  const { t } = useTranslation('enterprise');
  const format = useFormat();
  const local = useLocalText();
  const option = useMemo(
    () => ({
      tooltip: {},
      radar: {
        radius: '62%',
        indicator: DIAGNOSIS_DIMENSIONS.map((d) => ({ name: local(d.label), max: 5 })),
        axisName: { fontSize: 12 },
      },
      series: [
        {
          type: 'radar',
          areaStyle: { opacity: 0.25 },
          data: [
            {
              name: t('portrait.score'),
              value: DIAGNOSIS_DIMENSIONS.map((d) => portrait?.[d.value]?.score ?? 0),
            },
          ],
        },
      ],
    }),
    [portrait, local, t],
  );
  if (!portrait)
    return (
      <Typography.Text type="secondary" data-testid="portrait-none">
        {diagnosedAt ? t('portrait.internal', { date: format.date(diagnosedAt) }) : t('portrait.none')}
      </Typography.Text>
    );
  return <LazyEChart option={option} testId="portrait" style={{ height: 360 }} />;
}
