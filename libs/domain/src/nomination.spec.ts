import { DomainError } from './errors';
import { NOMINATION_FIELDS, parseNomination } from './nomination';
import { sampleNomination } from './samples';

function fieldsOf(input: unknown): string[] {
  try {
    parseNomination(input);
    return [];
  } catch (e) {
    if (e instanceof DomainError) return e.details.map((d) => d.field);
    throw e;
  }
}

describe('nomination validation', () => {
  it('accepts a complete nomination', () => {
    expect(fieldsOf(sampleNomination())).toEqual([]);
  });

  it.each([
    ['creditCode', { creditCode: '91350100M000100Y44' }],
    ['district', { district: '999999' }],
    ['cluster', { cluster: 'X9' }],
    ['revenuePrevYear', { revenuePrevYear: -1 }],
    ['revenuePrevYear', { revenuePrevYear: 1.5 }],
    ['rdExpensePrevYear', { rdExpensePrevYear: '100' }],
    ['techCenter.kind', { techCenter: { kind: 'lab', level: null } }],
    ['techCenter.level', { techCenter: { kind: 'innovation_demo', level: null } }],
    ['techCenter.level', { techCenter: { kind: 'none', level: 'municipal' } }],
    ['classOneIpCount', { classOneIpCount: -2 }],
    ['listed', { listed: 'no' }],
    ['srdi', { srdi: 'giant' }],
    ['hardTechDescription', { hardTechDescription: '短' }],
    ['achievements[0].kind', { achievements: [{ kind: 'other', description: 'x' }] }],
    ['contact.phone', { contact: { name: '张三', phone: '<script>' } }],
  ])('names %s when it is wrong', (field, over) => {
    expect(fieldsOf({ ...sampleNomination(), ...over })).toEqual([field]);
  });

  it('lists every missing field at once, and unknown ones', () => {
    expect(fieldsOf({ creditCode: '91350100M000100Y43', isAdmin: true })).toEqual([
      'isAdmin',
      'name',
      'district',
      'cluster',
      'revenuePrevYear',
      'rdExpensePrevYear',
      'techCenter',
      'classOneIpCount',
      'listed',
      'srdi',
      'hardTechDescription',
      'achievements',
      'contact',
    ]);
  });

  it('refuses what is not an object', () => {
    expect(fieldsOf([])).toEqual(['data']);
    expect(fieldsOf('x')).toEqual(['data']);
  });
});

describe('nomination form in English', () => {
  /** Every {zh, en} text in a tree of fields and options. */
  const texts = (node: unknown): { zh: string; en: string }[] => {
    if (Array.isArray(node)) return node.flatMap(texts);
    if (!node || typeof node !== 'object') return [];
    const o = node as Record<string, unknown>;
    const own = typeof o.zh === 'string' && typeof o.en === 'string' ? [o as { zh: string; en: string }] : [];
    return [...own, ...Object.values(o).flatMap(texts)];
  };

  it('says every label and option in English words, none in Chinese (SRDI status: Specialised (SRDI))', () => {
    const mixed = texts(NOMINATION_FIELDS).filter((x) => /\p{Script=Han}/u.test(x.en));
    expect(mixed).toEqual([]);
  });
});
