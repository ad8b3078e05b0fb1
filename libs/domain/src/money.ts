import type { Locale } from './text';

const WAN = 10_000;
const YI = 100_000_000;
const MILLION = 1_000_000;

/** Digits grouped by thousands, at most `decimals` decimals (no Intl: workflow code calls this). */
function grouped(value: number, decimals: number): string {
  const [whole, fraction = ''] = Math.abs(value).toFixed(decimals).split('.');
  const digits = fraction.replace(/0+$/, '');
  const sign = value < 0 && /[1-9]/.test(whole + digits) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${digits ? `.${digits}` : ''}`;
}

/**
 * Integer yuan as an officer reads money, exact to the yuan. Chinese as the policy writes it: 亿元
 * from one hundred million on when whole 万元 say it (1 亿元, 1.2 亿元), else 万元 (8,000 万元);
 * English in millions (CNY 80 million), below a million in yuan (CNY 600,000).
 */
export function moneyText(yuan: number, locale: Locale): string {
  if (locale === 'en') {
    return Math.abs(yuan) >= MILLION
      ? `CNY ${grouped(yuan / MILLION, 6)} million`
      : `CNY ${grouped(yuan, 0)}`;
  }
  return Math.abs(yuan) >= YI && yuan % WAN === 0
    ? `${grouped(yuan / YI, 4)} 亿元`
    : `${grouped(yuan / WAN, 4)} 万元`;
}

/**
 * The unit a chart's money axis counts in, as moneyText words amounts: 万元 in Chinese, millions
 * in English (an axis of "10k yuan" read as neither).
 */
export function moneyUnit(locale: Locale): { yuan: number; label: string } {
  return locale === 'en' ? { yuan: MILLION, label: 'CNY million' } : { yuan: WAN, label: '万元' };
}
