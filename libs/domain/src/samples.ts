import { withCheckChar } from './credit-code';
import { Nomination } from './nomination';
import { HistoryEntry } from './views';

/**
 * A qualifying nomination, the base of the demo data and of tests. Override what a case needs.
 * Credit codes are made with a valid check digit from a 17-character prefix.
 */
export function sampleNomination(over: Partial<Nomination> = {}): Nomination {
  return {
    creditCode: '91350100M000100Y43',
    name: '重庆示例科技有限公司',
    district: '500112',
    cluster: 'T2',
    revenuePrevYear: 80_000_000,
    rdExpensePrevYear: 6_000_000,
    techCenter: { kind: 'enterprise_tech_center', level: 'municipal' },
    classOneIpCount: 3,
    listed: false,
    srdi: 'specialized',
    hardTechDescription: '自主研发的高精度MEMS传感器芯片设计与封装技术，具有较高技术门槛',
    achievements: [{ kind: 'fill_gap', description: '填补国内车规级传感器空白' }],
    contact: { name: '张三', phone: '13800000000' },
    ...over,
  };
}

/** A valid credit code from any number (distinct numbers give distinct codes). */
export function creditCodeFor(n: number, prefix = '915001'): string {
  return withCheckChar(`${prefix}${String(n).padStart(17 - prefix.length, '0')}`.slice(0, 17));
}

/** A history entry of lifecycle 1 (the tests of what each reader reads of a history). */
export function sampleHistoryEntry(
  action: string,
  actor: string,
  data: Record<string, unknown>,
): HistoryEntry {
  return {
    at: '2026-01-01T00:00:00Z',
    actor,
    action,
    data,
    label: { zh: action, en: action },
    lifecycleNo: 1,
    runId: 'r',
    eventId: 1,
  };
}
