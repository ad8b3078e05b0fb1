/** User-facing text in both languages of the UI; Chinese first. */
export interface Text {
  zh: string;
  en: string;
}

export type Locale = 'zh' | 'en';

export function t(zh: string, en: string): Text {
  return { zh, en };
}

export function localize(text: Text, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}
