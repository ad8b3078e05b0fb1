import { useTranslation } from 'react-i18next';

/** Dates, times and money in the UI's language; money arrives as integer yuan and reads in 万元. */
export function useFormat() {
  const { t, i18n } = useTranslation('enterprise');
  const lang = i18n.language;
  return {
    dateTime: (at: string | null | undefined) => (at ? new Date(at).toLocaleString(lang) : ''),
    date: (at: string | null | undefined) => (at ? new Date(at).toLocaleDateString(lang) : ''),
    yuan: (value: number | null | undefined) =>
      value === null || value === undefined
        ? ''
        : t('format.wanYuan', {
            value: (value / 10_000).toLocaleString(lang, { maximumFractionDigits: 2 }),
          }),
  };
}
