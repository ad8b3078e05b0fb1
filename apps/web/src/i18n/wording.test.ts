import { TASK_DEPARTMENT_LABELS } from '@hardtech/domain/departments';
import { BUILTIN_CLUSTERS, DISTRICTS } from '@hardtech/domain/reference';
import { DEPARTMENTS, ROLE_LABELS } from '@hardtech/domain/roles';
import { STAGE_LABELS, STAGE_TAG_LABELS } from '@hardtech/domain/stages';
import { TASK_LABELS } from '@hardtech/domain/task-types';
import { describe, expect, it } from 'vitest';
import { resources } from './resources';

type Texts = [key: string, text: string][];

function texts(value: unknown, prefix = ''): Texts {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([k, v]) => texts(v, prefix ? `${prefix}.${k}` : k));
}

/** What a reader reads: without {{placeholders}} and the <tags> of <Trans>. */
const readable = (text: string) => text.replace(/\{\{[^}]*\}\}|<\/?\w+>/g, ' ');

const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
/** "District District": a word said twice in a row. */
const DOUBLED = /\b(\w{2,})\s+\1\b/i;
/** Names Chinese writes as they are: products, formats, standards. */
const NAMES_IN_CHINESE = new Set(['Excel', 'PDF', 'Office', 'ISO', 'Temporal', 'Forwarded', 'For', 'KB']);
const NAMES_IN_FILE_NAMES = /\.(xlsx|zip|pdf)\b|-C[35]\.pdf/g;
const englishWords = (text: string) =>
  (
    readable(text)
      .replace(NAMES_IN_FILE_NAMES, ' ')
      .match(/[A-Za-z]{2,}/g) ?? []
  ).filter((w) => !NAMES_IN_CHINESE.has(w));

const en = Object.entries(resources.en).flatMap(([ns, dict]) =>
  texts(dict).map(([k, v]): [string, string] => [`${ns}:${k}`, v]),
);
const zh = Object.entries(resources['zh-CN']).flatMap(([ns, dict]) =>
  texts(dict).map(([k, v]): [string, string] => [`${ns}:${k}`, v]),
);

/** The labels the server sends in both languages and the UI shows as they come. */
const labels = {
  roles: ROLE_LABELS,
  departments: DEPARTMENTS,
  taskDepartments: TASK_DEPARTMENT_LABELS,
  stages: STAGE_LABELS,
  stageTags: STAGE_TAG_LABELS,
  tasks: TASK_LABELS,
  districts: Object.fromEntries(DISTRICTS.map((d) => [d.code, { zh: d.name, en: d.en }])),
  clusters: Object.fromEntries(BUILTIN_CLUSTERS.map((c) => [c.code, { zh: c.name, en: c.en }])),
};
const labelTexts = (lang: 'zh' | 'en'): Texts =>
  Object.entries(labels).flatMap(([group, byKey]) =>
    Object.entries(byKey as Record<string, { zh: string; en: string }>).map(
      ([key, label]): [string, string] => [`${group}.${key}`, label[lang]],
    ),
  );

describe('wording of both languages', () => {
  it('leaves no Chinese in the English texts', () => {
    expect([...en, ...labelTexts('en')].filter(([, v]) => CHINESE.test(readable(v)))).toEqual([]);
  });

  it('leaves no English words in the Chinese texts but the names of products and formats', () => {
    expect(
      [...zh, ...labelTexts('zh')]
        .map(([k, v]) => [k, englishWords(v).join(' ')])
        .filter(([, words]) => words),
    ).toEqual([]);
  });

  it('says no word twice in a row', () => {
    expect([...en, ...labelTexts('en')].filter(([, v]) => DOUBLED.test(readable(v)))).toEqual([]);
  });

  it('shows no raw codes (SCREEN, ANNUAL_UPDATE) in either language', () => {
    const code = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
    expect([...en, ...zh].filter(([, v]) => code.test(readable(v)))).toEqual([]);
  });

  it('names a problem being worked 化解中 (IN_PROGRESS_LABEL), never 仍在化解 beside it', () => {
    expect(zh.filter(([, v]) => v.includes('仍在化解'))).toEqual([]);
    expect(en.filter(([, v]) => /still being worked/i.test(v))).toEqual([]);
  });
});

// Each page's source as text: the keys its t('…') calls ask for must be in its namespace, or the
// UI shows the key itself (i18next's fallback) in both languages.
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function has(ns: string, key: string): boolean {
  const dict = resources['zh-CN'][ns as keyof (typeof resources)['zh-CN']] as unknown;
  const at = (k: string) =>
    k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown> | undefined)?.[part], dict);
  return ['', '_other', '_one'].some((plural) => at(key + plural) !== undefined);
}

describe('keys the code asks for', () => {
  it('are in the namespace the component reads', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [file, source] of Object.entries(sources)) {
      const namespaces = [...source.matchAll(/useTranslation\(\s*(?:'([\w-]+)')?\s*\)/g)].map(
        (m) => m[1] ?? 'common',
      );
      if (!namespaces.length) continue;
      for (const [, literal] of source.matchAll(/\bt\(\s*'([^'`$]+)'/g)) {
        const [ns, key] = literal.includes(':') ? literal.split(':') : [undefined, literal];
        checked += 1;
        if (!(ns ? has(ns, key) : namespaces.some((n) => has(n, key)))) missing.push(`${file}: ${literal}`);
      }
    }
    expect(missing).toEqual([]);
    // The scan found the calls (a changed call style would pass it vacuously).
    expect(checked).toBeGreaterThan(500);
  });
});
