import { describe, expect, it } from 'vitest';
import { resources } from './resources';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  const namespaces = Object.keys(resources['zh-CN']) as (keyof (typeof resources)['zh-CN'])[];

  it.each(namespaces)('%s has the same keys in Chinese and English', (ns) => {
    expect(keys(resources.en[ns]).sort()).toEqual(keys(resources['zh-CN'][ns]).sort());
  });

  it.each(namespaces)('%s has no empty text', (ns) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const empty = keys(resources[lang][ns]).filter((k) => {
        const text = k.split('.').reduce<any>((o, part) => o?.[part], resources[lang][ns]);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
