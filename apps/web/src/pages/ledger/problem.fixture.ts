import type { LedgerProblem } from './problem';

/** A problem as GET /api/problems lists it, for component tests; override what a case needs. */
export const sampleProblem = (id: string, over: Partial<LedgerProblem>): LedgerProblem => ({
  id,
  title: '关键设备进口受限',
  category: 'market_common',
  measures: '协调替代供应商',
  target: '半年内完成替代',
  ownerDepartment: 'sme',
  dueAt: '2099-12-31',
  status: 'in_progress',
  special: null,
  whistleStatus: null,
  whistledAt: null,
  creditCode: '91500000MA5U7DXX1F',
  enterpriseName: '重庆芯测科技有限公司',
  enterpriseStage: 'supporting',
  district: '500112',
  cluster: 'T2',
  updatedAt: '2026-07-01T00:00:00Z',
  // What the server offers the reader (problemWorkKinds): an owner department's officer by default.
  workKinds: ['progress', 'close_request', 'extend'],
  ...over,
});
