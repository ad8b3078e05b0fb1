/** A seeded PRNG (mulberry32), so a fuzz run is reproducible from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] };
}
export type Prng = ReturnType<typeof prng>;

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { d: nested(depth - 1) });

/** Strings no field should choke on: injection, traversal, control and odd Unicode, huge. */
export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE tasks; --",
  '" OR ""="',
  '1; SELECT pg_sleep(10)',
  '$$; DELETE FROM enterprises; $$',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%00',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '‮ evil ‭',
  '\u200b\u200c\u200d\ufeff',
  '𠜎𠜱𠝹𠱓😀👨‍👩‍👧‍👦',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǭ̗͎',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '__proto__',
  'constructor',
  'null',
  '',
  ' ',
  '\t\r\n',
  'NaN',
  '-1',
  '1e309',
  '9150000000000000XX',
  '91500000MA5U000000',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  'x'.repeat(5000),
];

/** Values of the wrong type or out of range for any field. */
export function hostileValue(r: Prng): unknown {
  switch (r.int(12)) {
    case 0:
      return r.pick(HOSTILE_STRINGS);
    case 1:
      return r.pick([-1, -0.5, 0.1, 1.5, -1e12, 1e21, Number.MAX_SAFE_INTEGER + 2, 2 ** 63]);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return [];
    case 4:
      return [r.pick(HOSTILE_STRINGS), { a: 1 }];
    case 5:
      return {};
    case 6:
      return JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}');
    case 7:
      return nested(40);
    case 8:
      return 'y'.repeat(100_000 + r.int(50_000));
    case 9:
      return { $gt: '' };
    case 10:
      return Array.from({ length: 1000 }, (_, i) => i);
    default:
      return r.pick(HOSTILE_STRINGS) + String.fromCharCode(r.int(0xffff));
  }
}

const PROTO = () => JSON.parse('{"__proto__": {"admin": true}}');

/**
 * A value no field whose valid values look like `sample` accepts: another JSON type, or the same
 * type made invalid (negative, fractional or unsafe numbers; strings with NUL or a lone surrogate).
 * Hostile but valid strings are not used: a text field rightly stores them, inert.
 */
export function invalidFor(sample: unknown, r: Prng): unknown {
  const containers = [[], {}, nested(40), PROTO()];
  if (typeof sample === 'number') return r.pick(['12', true, ...containers, -1, 1.5, -1e9, 2 ** 63, 1e21]);
  if (typeof sample === 'string') return r.pick([123, true, ...containers, 'a\u0000b', 'x\ud800y']);
  if (typeof sample === 'boolean') return r.pick(['true', 1, ...containers]);
  return r.pick(['x', 1, true, nested(40), PROTO()]);
}

/** Bodies that are not even well-formed JSON objects. */
export const BROKEN_BODIES = [
  '{',
  '{"outcome": ',
  '[1, 2',
  'null',
  '"a string"',
  '42',
  '[]',
  '{"a": 1,}',
  "{'single': 'quotes'}",
  '{"a": NaN}',
  '\u0000\u0001\u0002',
  '<?xml version="1.0"?><a/>',
  '{"a": "\\ud800"}',
  `{${'"k":1,'.repeat(20_000)}"k":2}`,
];
