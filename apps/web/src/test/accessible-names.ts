import { screen } from '@testing-library/react';

/*
 * What a screen reader says of a page's controls and images: antd's icons were images named in
 * English ("save", "down", "close-circle"), announced in a zh-CN page (components/icons.tsx,
 * components/controlLabels.tsx).
 */

/** English by design in a zh-CN page: a file format, a product's name, the language switch. */
export const ENGLISH_BY_DESIGN = new Set(['Excel', 'Temporal', 'EN']);

/**
 * The English words of an accessible name; codes (C2, S2, 91500112000000001R) are not words, nor a
 * file name's extension (技术中心认定.pdf).
 */
export const englishWords = (name: string) =>
  (name.replace(/\.[A-Za-z0-9]{1,5}\b/g, '').match(/[A-Za-z0-9-]+/g) ?? []).filter(
    (token) => /^[A-Za-z]{2,}(-[A-Za-z]+)*$/.test(token) && !ENGLISH_BY_DESIGN.has(token),
  );

const ROLES = ['button', 'link', 'img', 'checkbox', 'menuitem'] as const;

/** Each control or image whose name has an English word, as `role "name"`. */
export function englishNames(): string[] {
  const found: string[] = [];
  for (const role of ROLES)
    screen.queryAllByRole(role, {
      name: (name) => {
        if (englishWords(name).length) found.push(`${role} "${name}"`);
        return false;
      },
    });
  return [...new Set(found)];
}

/** Each image (an icon) whose name is in Chinese. */
export function chineseImages(): string[] {
  const found: string[] = [];
  screen.queryAllByRole('img', {
    name: (name) => {
      if (/\p{Script=Han}/u.test(name)) found.push(name);
      return false;
    },
  });
  return found;
}
