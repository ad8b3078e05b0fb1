import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DIAGNOSIS_DIMENSIONS } from '@hardtech/domain/ledger';
import { LazyEChart } from '../../components/LazyEChart';
import { useFormat } from '../../format';
import { useLocalText } from '../../i18n';
import { useNarrow } from '../../layout/useNarrow';
import { portraitOption } from './chartOptions';
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
  const narrow = useNarrow();
  const option = useMemo(
    () =>
      portraitOption(
        DIAGNOSIS_DIMENSIONS.map((d) => ({
          label: local(d.label),
          score: portrait?.[d.value]?.score ?? 0,
        })),
        t('portrait.score'),
        narrow,
      ),
    [portrait, local, t, narrow],
  );
  if (!portrait)
    return (
      <Typography.Text type="secondary" data-testid="portrait-none">
        {diagnosedAt ? t('portrait.internal', { date: format.date(diagnosedAt) }) : t('portrait.none')}
      </Typography.Text>
    );
  return <LazyEChart option={option} testId="portrait" style={{ height: 360 }} />;
}
