import { DomainError } from '@hardtech/domain';
import { assertSafeInput, MAX_DEPTH } from './safe-input';

const body = { type: 'body' as const };
const fieldsOf = (value: unknown, metadata: Parameters<typeof assertSafeInput>[1] = body) => {
  try {
    assertSafeInput(value, metadata);
    return [];
  } catch (e) {
    return (e as DomainError).details.map((d) => d.field);
  }
};

describe('assertSafeInput', () => {
  it('accepts ordinary text, Chinese, emoji and hostile-looking strings', () => {
    expect(fieldsOf({ text: "<script>alert(1)</script>'; DROP TABLE users; -- 你好 😀" })).toEqual([]);
  });

  it('names NUL and unpaired surrogates in values and keys', () => {
    expect(fieldsOf({ data: { note: 'a\u0000b' } })).toEqual(['data.note']);
    expect(fieldsOf({ list: ['ok', '\ud800'] })).toEqual(['list[1]']);
    expect(fieldsOf({ ['k\u0000']: 1 })).toEqual(['k\u0000']);
    expect(fieldsOf('x\udc00', { type: 'query', data: 'q' })).toEqual(['q']);
  });

  it('refuses __proto__, constructor and prototype keys, which copying would lose', () => {
    expect(fieldsOf(JSON.parse('{"data":{"reason":"x","__proto__":{"admin":true}}}'))).toEqual([
      'data.__proto__',
    ]);
    expect(fieldsOf(JSON.parse('{"__proto__":{"outcome":"reject"}}'))).toEqual(['__proto__']);
    expect(fieldsOf({ data: { reason: 'x', constructor: { prototype: {} } } })).toEqual([
      'data.constructor',
      'data.constructor.prototype',
    ]);
    expect(fieldsOf({ data: { note: 'constructor, prototype and __proto__ are fine as values' } })).toEqual(
      [],
    );
  });

  it('refuses nesting deeper than MAX_DEPTH', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = { d: deep };
    expect(fieldsOf(deep)).toHaveLength(1);
    let shallow: unknown = 'leaf';
    for (let i = 0; i < MAX_DEPTH - 1; i++) shallow = [shallow];
    expect(fieldsOf(shallow)).toEqual([]);
  });
});
