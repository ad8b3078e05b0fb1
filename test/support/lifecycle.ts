import { DIAGNOSIS_DIMENSIONS, Nomination, sampleNomination } from '@hardtech/domain';
import { Api, Reply } from './api';
import { Cast, Member } from './cast';

export const JUDGMENTS = {
  C2: { affirmed: true, note: '自主研发，技术壁垒高' },
  C6: { affirmed: true, note: '填补国内空白' },
};
export const PORTRAIT = Object.fromEntries(
  DIAGNOSIS_DIMENSIONS.map((d) => [d.value, { score: 3, note: d.label.zh }]),
);

export function nominationFor(cast: Cast, over: Partial<Nomination> = {}): Nomination {
  return sampleNomination({
    creditCode: cast.creditCode,
    district: cast.district,
    cluster: cast.cluster,
    ...over,
  });
}

export const problem = (over: Record<string, unknown> = {}) => ({
  title: '流动资金紧张',
  category: 'policy_support',
  measures: '银企对接',
  target: '获得授信',
  ownerDepartment: 'finance',
  dueAt: '2099-12-31',
  ...over,
});

/** One step of a lifecycle: who completes which task, with what. */
export interface Step {
  type: string;
  by: (cast: Cast) => Member;
  outcome: string;
  data: (cast: Cast) => Record<string, unknown>;
}

/**
 * Nomination → supporting, after the nomination itself: screening, the two feedbacks, admission,
 * diagnosis. The retrying driver sends them through the API, the bench's members (bench/members.ts)
 * as Updates; both go this one way.
 */
export const TO_SUPPORTING: Step[] = [
  { type: 'SCREEN', by: (c) => c.coordinator, outcome: 'pass', data: () => ({ judgments: JUDGMENTS }) },
  {
    type: 'DISTRICT_FEEDBACK',
    by: (c) => c.districtOfficer,
    outcome: 'support',
    data: () => ({ opinion: '同意' }),
  },
  { type: 'ENTERPRISE_CONFIRM', by: (c) => c.enterprise, outcome: 'confirm', data: () => ({}) },
  {
    type: 'ADMIT',
    by: (c) => c.coordinator,
    outcome: 'admit',
    data: (c) => ({
      leadCluster: c.cluster,
      commissioner: c.commissioner.username,
      districtLiaison: c.districtOfficer.username,
    }),
  },
  {
    type: 'DIAGNOSE',
    by: (c) => c.commissioner,
    outcome: 'submit',
    data: () => ({ portrait: PORTRAIT, problems: [problem()] }),
  },
];

/**
 * Each kind of ledger work on a problem (`/api/problems/:id`) by its owner department's `worker`
 * and the `coordinator`, refused as work on an ended lifecycle's problem: 409 LIFECYCLE_ENDED.
 */
export async function expectLedgerWorkEnded(url: string, worker: Api, coordinator: Api, message: string) {
  const replies = [
    await worker.post(`${url}/progress`, { note: '结束后的进展' }),
    await worker.post(`${url}/close-request`, { summary: '已解决' }),
    await worker.post(`${url}/extend`, { dueAt: '2099-12-31', reason: '需要时间' }),
    await coordinator.patch(url, { handling: 'one_enterprise_one_policy' }),
  ];
  for (const r of replies)
    expect([r.status, r.body.code, r.body.message]).toEqual([409, 'LIFECYCLE_ENDED', message]);
}

export const quarterlyReport = (quarter: string, revenue = 30_000_000) => ({
  quarter,
  revenue,
  rdExpense: 2_000_000,
  headcount: 120,
  newClassOneIp: 1,
  financing: 0,
  listingProgress: 'preparing',
});

/** The caller's open task of a type for the enterprise, from the inbox. */
export async function openTask(api: Api, creditCode: string, type: string): Promise<any | undefined> {
  const r = await api.get(`/api/tasks?creditCode=${creditCode}&type=${type}`);
  if (r.status !== 200) throw new Error(`inbox: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.items[0];
}

/** Completes the caller's open task of a type; fails the test unless it is there. */
export async function complete(
  api: Api,
  creditCode: string,
  type: string,
  outcome: string,
  data: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Promise<Reply> {
  const task = await openTask(api, creditCode, type);
  if (!task) throw new Error(`no open ${type} task for ${creditCode} in this inbox`);
  return api.post(`/api/tasks/${task.id}/complete`, { outcome, data }, headers);
}

export async function expectOk(reply: Promise<Reply> | Reply, status = 200): Promise<any> {
  const r = await reply;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Waits until a condition over the API holds (for what timers and signals do by themselves). */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
