import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Option } from '@hardtech/domain/forms/schema';
import type { Locale } from '@hardtech/domain/text';
import type { Text } from '../api/types';
import { resources } from './resources';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'hardtech.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** The UI's language as the domain names it, for the words the domain writes (money, explanations). */
export function useLocale(): Locale {
  const { i18n: current } = useTranslation();
  return current.language === 'en' ? 'en' : 'zh';
}

/** Labels the server sends in both languages (stages, task types, form fields): pick the UI's. */
export function useLocalText(): (text: Text | null | undefined) => string {
  const { i18n: current } = useTranslation();
  const en = current.language === 'en';
  return (text) => (text ? (en ? text.en : text.zh) : '');
}

/** An option's label in the UI's language (the option lists of @hardtech/domain); '' when none has the value. */
export function useOptionLabel(): (options: readonly Option[], value: unknown) => string {
  const local = useLocalText();
  return (options, value) => local(options.find((o) => o.value === value)?.label);
}

export default i18n;
