import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeReturnTo('/tasks/9d1c?tab=file')).toBe('/tasks/9d1c?tab=file');
    expect(safeReturnTo('/')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    'tasks',
    '/a b',
    '/\u0000x',
    `/${'a'.repeat(600)}`,
    undefined,
    42,
  ])('turns %p into the inbox', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
