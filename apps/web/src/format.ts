import { durationInUnits } from '@hardtech/domain/durations';
import { moneyText } from '@hardtech/domain/money';
import type { Field } from '@hardtech/domain/forms/schema';
import { shanghaiDate, shanghaiTime } from '@hardtech/domain/calendar';
import { useTranslation } from 'react-i18next';
import { useReference } from './api/reference';
import { districtText } from './api/referenceNames';
import { useLocalText } from './i18n';

// Officials work in Chongqing and the Word files (调度会材料) say Asia/Shanghai: every instant reads
// so, whatever the browser's own time zone (a laptop set to UTC on a trip would shift due times).

/** An instant as the UI writes it, in either language: 2026-12-07 01:16 (Asia/Shanghai). */
export function dateTimeText(at: string | null | undefined): string {
  return at ? shanghaiTime(at) : '';
}

/** An instant to the second (sessions, the audit log): 2026-12-07 01:16:57 (Asia/Shanghai). */
export function dateTimeSecondsText(at: string | null | undefined): string {
  return at ? shanghaiTime(at, 'second') : '';
}

/** The day of an instant as the UI writes it: 2026-12-07 (Asia/Shanghai). */
export function dateText(at: string | null | undefined): string {
  return at ? shanghaiDate(at) : '';
}

const ZH_QUARTER = ['一', '二', '三', '四'];

/**
 * A quarter ("2026Q3", as the API writes it) as people read it: 2026年第三季度, 2026 Q3 in English;
 * anything that is not a quarter as it is.
 */
export function quarterText(quarter: string | null | undefined, lang: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter ?? '');
  if (!m) return quarter ?? '';
  return lang === 'en' ? `${m[1]} Q${m[2]}` : `${m[1]}年第${ZH_QUARTER[Number(m[2]) - 1]}季度`;
}

/**
 * The one place the UI turns values into words: dates and times, money (integer yuan, as
 * moneyText writes it: 8,000 万元, CNY 80 million), ratios as percentages, codes (districts, clusters, stages, task types) and
 * enumerated values by their labels in the UI's language, never the raw code.
 */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const text = useLocalText();
  const reference = useReference();
  const lang = i18n.language;
  const number = (value: number, digits = 2) => value.toLocaleString(lang, { maximumFractionDigits: digits });
  const yuan = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : moneyText(value, lang === 'en' ? 'en' : 'zh');
  /** A computed amount (annualised revenue: a quarter × 4): to the 万元, not 10,733.3333 万元. */
  const yuanRounded = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : yuan(Math.round(value / 10_000) * 10_000);
  const percent = (ratio: number | null | undefined) =>
    ratio === null || ratio === undefined
      ? t('format.none')
      : t('format.percent', { value: number(ratio * 100) });
  /** 10 天, 12 小时, 10 个工作日; an ISO form no single unit says stays as it is. */
  const durationText = (value: unknown): string => {
    if (typeof value === 'object' && value && 'workingDays' in value)
      return t('format.duration.workingDays', { n: (value as { workingDays: number }).workingDays });
    const parts = typeof value === 'string' ? durationInUnits(value) : null;
    return parts ? t(`format.duration.${parts.unit}`, { n: parts.amount }) : String(value);
  };
  const district = (code: string | null | undefined) => {
    const d = code ? reference?.districts.find((x) => x.code === code) : undefined;
    return d ? text(districtText(d)) : (code ?? '');
  };
  // By its name, as every page names a cluster (新一代电子信息制造业, not T2 新一代…).
  const cluster = (code: string | null | undefined) => {
    const c = code ? reference?.clusters.find((x) => x.code === code) : undefined;
    return c ? text({ zh: c.name, en: c.en }) : (code ?? '');
  };

  /** A value of a field of the form language, in words (objects and lists joined on one line). */
  const field = (f: Field, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('format.none');
    switch (f.kind) {
      case 'enum':
        return text(f.options.find((o) => o.value === value)?.label) || String(value);
      case 'boolean':
        return t(value ? 'yes' : 'no');
      case 'integer':
        return f.unit === 'yuan' ? yuan(Number(value)) : number(Number(value), 0);
      case 'number':
        return f.percent ? percent(Number(value)) : number(Number(value), 4);
      case 'duration':
        return durationText(value);
      case 'quarter':
        return quarterText(String(value), lang);
      case 'ref':
        return f.ref === 'district'
          ? district(String(value))
          : f.ref === 'cluster'
            ? cluster(String(value))
            : String(value);
      case 'object':
        return fields(f.fields, value);
      case 'list':
        return (value as unknown[]).map((item) => fields(f.item, item)).join('；');
      case 'record':
        return Object.entries(value as Record<string, unknown>)
          .map(
            ([k, v]) => `${text(f.keys.find((key) => key.value === k)?.label) || k}：${fields(f.value, v)}`,
          )
          .join('；');
      default:
        return String(value);
    }
  };

  /** An object's fields that have a value, in words, on one line. */
  const fields = (fs: Field[], value: unknown): string => {
    const v = (value ?? {}) as Record<string, unknown>;
    return fs
      .filter((inner) => v[inner.name] !== null && v[inner.name] !== undefined && v[inner.name] !== '')
      .map((inner) => field(inner, v[inner.name]))
      .join(' · ');
  };

  return {
    dateTime: dateTimeText,
    date: dateText,
    yuan,
    yuanRounded,
    percent,
    duration: durationText,
    quarter: (q: string | null | undefined) => quarterText(q, lang),
    district,
    cluster,
    stage: (stage: string | null | undefined) =>
      stage ? text(reference?.stages[stage as keyof typeof reference.stages]) || stage : '',
    taskType: (type: string | null | undefined) =>
      type ? text(reference?.taskTypes[type as keyof typeof reference.taskTypes]) || type : '',
    field,
    fields,
  };
}
