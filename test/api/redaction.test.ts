import { Api } from '../support/api';
import { Cast, createCast, createUser, Member, tag } from '../support/cast';
import { tickQuarter } from '../support/drive';
import { PDF, upload } from '../support/files';
import { Bodies, leaks, readOutput, walkOutputs } from '../support/outputs';
import {
  complete,
  expectOk,
  JUDGMENTS,
  nominationFor,
  openTask,
  PORTRAIT,
  problem,
  quarterlyReport,
} from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 20 item 1: who sees what. One enterprise is driven through every officer step with a marker
// in every officer free-text field, a second is ended by the district's opposing opinion; then every
// GET operation of the OpenAPI document is called as each role, and every answer (JSON, xlsx/docx
// unzipped, files) is searched for the markers. An enterprise reads none; the SME and finance
// divisions read no deliberation (they do read ledger progress notes); the coordinator reads all
// of them, so the walk can fail.
jest.setTimeout(300_000);

const run = tag();
const mark = (field: string) => `MARK-${field}-${run}`;
/** Officers' deliberations: no enterprise, no SME or finance officer may read these. */
const D = {
  c2: mark('C2note'),
  c6: mark('C6note'),
  justification: mark('S2justification'),
  screenNote: mark('screenNote'),
  districtOpinion: mark('districtOpinion'),
  opposeOpinion: mark('opposeOpinion'),
  admitReason: mark('admitReason'),
  portraitNote: mark('portraitNote'),
  reviewComment: mark('reviewComment'),
  graduationNote: mark('graduationNote'),
  comment: mark('taskComment'),
  confirmComment: mark('confirmComment'),
  file: mark('screeningFile'),
  // 退回 of an officer's step: the coordinator's reason for sending the review back to the industry officer.
  reviewReturn: mark('reviewReturn'),
};
/** Why the enterprise's own report was sent back (退回): written to it, it reads it in its case file too. */
const E = { reportReturn: mark('reportReturn') };
/** Ledger notes: the departments work the ledger and read them; the enterprise does not. */
const L = {
  problemNote: mark('problemNote'),
  progressNote: mark('progressNote'),
  extensionReason: mark('extensionReason'),
  closeSummary: mark('closeSummary'),
  extensionOpinion: mark('extensionOpinion'),
  closeOpinion: mark('closeOpinion'),
};

let a: Cast;
let opposed: { creditCode: string; enterprise: Member };
let sme: Member;
let finance: Member;
let redoneReport: string;
/** The enterprise's and the coordinator's reads of the state between the district's support and the confirmation. */
let feedbackState: { enterprise: unknown[]; coordinator: unknown[] };
const ids = new Set<string>();

/** Every GET operation of the OpenAPI document, path parameters filled with this test's ids. */
function walk(api: Api, who: string): Promise<Bodies> {
  const values: Record<string, string[]> = {
    creditCode: [a.creditCode, opposed.creditCode],
    id: [...ids],
    username: [who, a.coordinator.username],
    date: ['2026-10-01'],
  };
  return walkOutputs(api, values, [
    '',
    `?creditCode=${a.creditCode}`,
    `?creditCode=${a.creditCode}&status=done`,
    '?pageSize=100',
  ]);
}

function hasKey(value: unknown, key: string): boolean {
  if (!value || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasKey(v, key));
  return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key));
}

beforeAll(async () => {
  a = await createCast('500230', 'P1');
  [sme, finance] = await Promise.all([
    createUser('sme_officer', { department: 'sme' }),
    createUser('finance_officer', { department: 'finance' }),
  ]);

  // The nomination, screened with every deliberation field filled (S2: the sample is not SRDI).
  await expectOk(a.districtOfficer.api.post('/api/nominations', nominationFor(a, { srdi: 'none' })), 201);
  const screen = await openTask(a.coordinator.api, a.creditCode, 'SCREEN');
  await expectOk(a.coordinator.api.post(`/api/tasks/${screen.id}/comments`, { text: D.comment }), 201);
  const file = await upload(
    a.coordinator.api,
    { creditCode: a.creditCode, subject: 'task', subjectId: screen.id },
    { name: '研判.pdf', content: Buffer.concat([PDF, Buffer.from(`% ${D.file}\n`)]) },
  );
  expect(file.status).toBe(201);
  ids.add(file.body.id);
  await expectOk(
    complete(a.coordinator.api, a.creditCode, 'SCREEN', 'pass', {
      judgments: { C2: { affirmed: true, note: D.c2 }, C6: { affirmed: true, note: D.c6 } },
      justifications: { S2: D.justification },
      note: D.screenNote,
    }),
  );
  await expectOk(
    complete(a.districtOfficer.api, a.creditCode, 'DISTRICT_FEEDBACK', 'support', {
      opinion: D.districtOpinion,
    }),
  );
  const stateOf = async (api: Api) => {
    const chart = await expectOk(api.get(`/api/enterprises/${a.creditCode}/statechart`));
    const feedback = chart.definition.states.find((s: { key: string }) => s.key === 'feedback');
    return [
      (await expectOk(api.get(`/api/enterprises/${a.creditCode}`))).stateValue,
      chart.current.stateValue,
      feedback.states.map((lane: { key: string }) => lane.key),
    ];
  };
  feedbackState = {
    enterprise: await stateOf(a.enterprise.api),
    coordinator: await stateOf(a.coordinator.api),
  };
  // An officer's comment on the enterprise's own step is still the officer's: never the enterprise's to read.
  const confirm = await openTask(a.enterprise.api, a.creditCode, 'ENTERPRISE_CONFIRM');
  ids.add(confirm.id); // the coordinator's inbox does not list the enterprise's own step
  await expectOk(
    a.coordinator.api.post(`/api/tasks/${confirm.id}/comments`, { text: D.confirmComment }),
    201,
  );
  await expectOk(complete(a.enterprise.api, a.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
  await expectOk(
    complete(a.coordinator.api, a.creditCode, 'ADMIT', 'admit', {
      leadCluster: a.cluster,
      commissioner: a.commissioner.username,
      districtLiaison: a.districtOfficer.username,
      reason: D.admitReason,
    }),
  );
  const portrait = Object.fromEntries(
    Object.entries(PORTRAIT).map(([k, v]) => [k, { ...v, note: `${D.portraitNote} ${k}` }]),
  );
  await expectOk(
    complete(a.commissioner.api, a.creditCode, 'DIAGNOSE', 'submit', {
      portrait,
      problems: [problem(), problem({ title: '市场开拓', ownerDepartment: 'sme' })],
    }),
  );
  await tickQuarter(a, '2026Q3');
  await expectOk(
    complete(a.enterprise.api, a.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q3')),
  );
  // The review sends the report back (退回) to the enterprise, which redoes it.
  const firstReview = await openTask(a.industry.api, a.creditCode, 'QUARTERLY_REVIEW');
  await expectOk(a.industry.api.post(`/api/tasks/${firstReview.id}/return`, { reason: E.reportReturn }));
  redoneReport = (await openTask(a.enterprise.api, a.creditCode, 'QUARTERLY_REPORT')).id;
  await expectOk(
    complete(a.enterprise.api, a.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q3')),
  );
  const problems = (await expectOk(a.coordinator.api.get('/api/problems?pageSize=100'))).items.filter(
    (p: { creditCode: string }) => p.creditCode === a.creditCode,
  );
  for (const p of problems) ids.add(p.id);
  // Ledger work (issue 19): the commissioner's progress, request for more time and close request.
  const work = `/api/problems/${problems[0].id}`;
  await expectOk(a.commissioner.api.post(`${work}/progress`, { note: L.progressNote }), 201);
  await expectOk(
    a.commissioner.api.post(`${work}/extend`, { dueAt: '2199-12-31', reason: L.extensionReason }),
    201,
  );
  await expectOk(a.commissioner.api.post(`${work}/close-request`, { summary: L.closeSummary }), 201);
  // The coordinators decide both requests, each with an opinion (the close-out refused).
  await expectOk(
    complete(a.coordinator.api, a.creditCode, 'PROBLEM_EXTENSION', 'approve', {
      opinion: L.extensionOpinion,
    }),
  );
  await expectOk(
    complete(a.coordinator.api, a.creditCode, 'PROBLEM_CLOSE', 'reject', { opinion: L.closeOpinion }),
  );
  await expectOk(
    complete(a.industry.api, a.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', {
      // On 中小企业处's problem: that department reads the note, 产业金融处 (owning none) does not.
      problemUpdates: [
        {
          problemId: problems.find((p: { title: string }) => p.title === '市场开拓').id,
          status: 'in_progress',
          note: L.problemNote,
        },
      ],
      comment: D.reviewComment,
    }),
  );
  // The coordinator sends the industry officer's review back (退回: an officer's step) before deciding.
  const graduation = await openTask(a.coordinator.api, a.creditCode, 'GRADUATION_REVIEW');
  await expectOk(a.coordinator.api.post(`/api/tasks/${graduation.id}/return`, { reason: D.reviewReturn }));
  await expectOk(
    complete(a.industry.api, a.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', {
      problemUpdates: [],
      comment: D.reviewComment,
    }),
  );
  await expectOk(
    complete(a.coordinator.api, a.creditCode, 'GRADUATION_REVIEW', 'graduate', {
      reason: 'doubled',
      note: D.graduationNote,
    }),
  );

  // A second enterprise, ended by the district's opposing opinion.
  const b = await createCast('500230', 'P1');
  opposed = { creditCode: b.creditCode, enterprise: b.enterprise };
  await expectOk(b.districtOfficer.api.post('/api/nominations', nominationFor(b)), 201);
  await expectOk(complete(b.coordinator.api, b.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  await expectOk(
    complete(b.districtOfficer.api, b.creditCode, 'DISTRICT_FEEDBACK', 'oppose', {
      opinion: D.opposeOpinion,
    }),
  );

  for (const cc of [a.creditCode, b.creditCode]) {
    for (const status of ['open', 'done', 'cancelled']) {
      const tasks = await a.coordinator.api.get(`/api/tasks?creditCode=${cc}&status=${status}&pageSize=100`);
      for (const task of tasks.body.items ?? []) ids.add(task.id);
    }
  }
  for (const m of [a.enterprise, opposed.enterprise, sme, finance]) {
    for (const n of (await expectOk(m.api.get('/api/notifications?pageSize=100'))).items) ids.add(n.id);
  }
});

afterAll(closeTemporal);

describe('who sees what (issue 20.1)', () => {
  it('the coordinator reads every marker somewhere, and the portrait (so the walk can fail)', async () => {
    const bodies = await walk(a.coordinator.api, a.coordinator.username);
    const all = [...Object.values(D), ...Object.values(L), ...Object.values(E)];
    expect(all.filter((m) => !bodies.some((b) => b.text.includes(m)))).toEqual([]);
    expect(bodies.some((b) => hasKey(b.json, 'portrait'))).toBe(true);
    // The printouts are read, not skipped: every officer's word a 审批单 or 一企一档 prints is found
    // in them (task comments are not part of a case file; of a file, its name is printed, not its content).
    const printouts = bodies.filter((b) => b.pdf);
    const printed = Object.values(D).filter((m) => m !== D.comment && m !== D.confirmComment && m !== D.file);
    expect(printed.filter((m) => !printouts.some((b) => b.text.includes(m)))).toEqual([]);
  });

  it('an enterprise reads no officer marker and no portrait, in any output', async () => {
    for (const m of [a.enterprise, opposed.enterprise]) {
      const bodies = await walk(m.api, m.username);
      // 打印审批单 as the enterprise gets it is read too (pdftotext): the walk reaches its sheets.
      if (m === a.enterprise)
        expect(bodies.some((b) => b.pdf && b.endpoint.startsWith('200 GET /api/tasks/'))).toBe(true);
      expect(leaks(bodies, [...Object.values(D), ...Object.values(L)])).toEqual([]);
      expect(bodies.filter((b) => hasKey(b.json, 'portrait')).map((b) => b.endpoint)).toEqual([]);
    }
  });

  it("the SME and finance divisions read no other department's deliberation, but their own ledger's notes", async () => {
    for (const [m, ownsTheNoted] of [
      [sme, true],
      [finance, false],
    ] as const) {
      const bodies = await walk(m.api, m.username);
      expect(leaks(bodies, Object.values(D))).toEqual([]);
      expect(bodies.filter((b) => hasKey(b.json, 'portrait')).map((b) => b.endpoint)).toEqual([]);
      expect([m.username, leaks(bodies, [L.problemNote]).length > 0]).toEqual([m.username, ownsTheNoted]);
    }
  });

  it("an enterprise still sees each officer's step, its outcome and a final decision's reason", async () => {
    const history = await expectOk(a.enterprise.api.get(`/api/enterprises/${a.creditCode}/history`));
    const screened = history.find((e: any) => e.action === 'task.completed' && e.data.taskType === 'SCREEN');
    expect(screened).toMatchObject({ actor: null, data: { outcome: 'pass', data: {} } });
    const graduated = history.find(
      (e: any) => e.action === 'task.completed' && e.data.taskType === 'GRADUATION_REVIEW',
    );
    expect(graduated.data.data).toEqual({ reason: 'doubled' });

    const detail = await expectOk(opposed.enterprise.api.get(`/api/enterprises/${opposed.creditCode}`));
    expect(detail).toMatchObject({ stage: 'rejected', screening: null, closing: { reason: null, by: null } });
    const own = await expectOk(a.enterprise.api.get(`/api/enterprises/${a.creditCode}`));
    expect(own.diagnosis).toEqual({ by: null, at: expect.any(String) });
  });

  it('an enterprise reads in its case file why its own step was sent back (退回), not who sent it', async () => {
    const task = await expectOk(a.enterprise.api.get(`/api/tasks/${redoneReport}`));
    expect(task.returned).toMatchObject({ reason: E.reportReturn, by: null });
    const returns = task.caseFile.opinions.filter((o: any) => o.outcome === 'returned');
    expect(returns.map((o: any) => [o.taskType, o.opinion, o.actor, o.actorName])).toEqual([
      ['QUARTERLY_REVIEW', E.reportReturn, null, null],
    ]);
    // The graduation review sent back to the industry officer is the officers' business: 已办理.
    const sentBack = task.caseFile.opinions.filter((o: any) => o.taskType === 'GRADUATION_REVIEW');
    expect(sentBack.map((o: any) => [o.outcome, o.opinion, o.actor])).toEqual([
      ['done', null, null],
      ['graduate', expect.any(String), null],
    ]);
  });
});

/**
 * The steps that are an officer's opinion or recommendation in these lifecycles, as each reader
 * gets them in every output that carries a step: history entries, task items and case files.
 */
function opinionSteps(value: unknown, out: [string, string][] = []): [string, string][] {
  if (!value || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) opinionSteps(v, out);
    return out;
  }
  const o = value as Record<string, unknown>;
  const type = o.taskType ?? o.type;
  if ((type === 'DISTRICT_FEEDBACK' || type === 'QUARTERLY_REVIEW') && typeof o.outcome === 'string') {
    out.push([type, o.outcome]);
  }
  for (const v of Object.values(o)) opinionSteps(v, out);
  return out;
}

/** What a reader reads of both lifecycles: history, enterprise page, tasks (with case files), notices, PDFs. */
async function readsOf(api: Api): Promise<{ json: unknown[]; texts: string[] }> {
  const json: unknown[] = [];
  const texts: string[] = [];
  const taskIds = new Set(ids);
  for (const cc of [a.creditCode, opposed.creditCode]) {
    for (const path of [
      `/api/enterprises/${cc}/history`,
      `/api/enterprises/${cc}`,
      `/api/tasks?creditCode=${cc}&status=done&pageSize=100`,
    ]) {
      const r = await api.get(path);
      if (r.status === 200) json.push(r.body);
    }
    const dossier = await readOutput(api, `/api/enterprises/${cc}/dossier.pdf`);
    if (dossier.status === 200) texts.push(dossier.text);
  }
  for (const id of taskIds) {
    const r = await api.get(`/api/tasks/${id}`);
    if (r.status !== 200) continue;
    json.push(r.body);
    const sheet = await readOutput(api, `/api/tasks/${id}/approval-sheet.pdf`);
    if (sheet.status === 200) texts.push(sheet.text);
  }
  json.push((await expectOk(api.get('/api/notifications?pageSize=100'))).items);
  texts.push(...json.map((j) => JSON.stringify(j)));
  return { json, texts };
}

/** The district's 同意 / 不同意 and the review's 建议毕业移出, as the history, the case file and the PDFs word them. */
const OPINION_WORDS = [
  '区县反馈意见：同意',
  '区县反馈意见：不同意',
  '季度调度评审：建议毕业移出',
  // The history's lines (sentence case), and the outcomes as a heading words them.
  'District feedback: support',
  'District feedback: oppose',
  'Quarterly review: recommend graduation',
  'District feedback: Support',
  'District feedback: Oppose',
  'Quarterly review: Recommend graduation',
  '区县反馈意见同意', // a printout's row, squeezed: 事项 then 结果
  '区县反馈意见不同意',
  '季度调度评审建议毕业移出',
  '区县不同意',
];

describe("an officer's opinion is not the enterprise's to read, not even as an outcome", () => {
  it('an enterprise reads of the district feedback and the quarterly review only that they were done', async () => {
    for (const m of [a.enterprise, opposed.enterprise]) {
      const { json, texts } = await readsOf(m.api);
      const steps = opinionSteps(json);
      expect(steps.some(([type]) => type === 'DISTRICT_FEEDBACK')).toBe(true);
      // done, or the enterprise's own report sent back to it (a request, with its reason).
      expect(steps.filter(([, outcome]) => outcome !== 'done' && outcome !== 'returned')).toEqual([]);
      expect(
        steps.filter(([type, outcome]) => outcome === 'returned' && type !== 'QUARTERLY_REVIEW'),
      ).toEqual([]);
      expect(OPINION_WORDS.filter((w) => texts.some((t) => t.includes(w)))).toEqual([]);
    }
    const history = await expectOk(a.enterprise.api.get(`/api/enterprises/${a.creditCode}/history`));
    const feedback = history.find(
      (e: any) => e.data.taskType === 'DISTRICT_FEEDBACK' && e.action === 'task.completed',
    );
    expect(feedback).toMatchObject({
      actor: null,
      label: { zh: '区县反馈意见：已办理', en: 'District feedback: done' },
    });
    expect(feedback.data).toMatchObject({ outcome: 'done', data: {} });
    const dossier = await readOutput(a.enterprise.api, `/api/enterprises/${a.creditCode}/dossier.pdf`);
    expect(dossier.text).toContain('区县反馈意见已办理');
    expect(dossier.text).toContain('季度调度评审已办理');
    const detail = await expectOk(opposed.enterprise.api.get(`/api/enterprises/${opposed.creditCode}`));
    expect(detail).toMatchObject({ stage: 'rejected', closing: { outcome: 'DISTRICT_FEEDBACK.done' } });
  });

  it("an enterprise's statechart shows its own branch of the feedback, not the district's support", async () => {
    expect(feedbackState.enterprise).toEqual([
      { feedback: { enterprise: 'pending' } },
      { feedback: { enterprise: 'pending' } },
      ['enterprise'],
    ]);
    expect(feedbackState.coordinator).toEqual([
      { feedback: { district: 'agreed', enterprise: 'pending' } },
      { feedback: { district: 'agreed', enterprise: 'pending' } },
      ['district', 'enterprise'],
    ]);
  });

  it('officers and the departments still read the opinions as given', async () => {
    const coordinator = await readsOf(a.coordinator.api);
    const steps = opinionSteps(coordinator.json).map(([type, outcome]) => `${type}.${outcome}`);
    expect(new Set(steps)).toEqual(
      new Set([
        'DISTRICT_FEEDBACK.support',
        'DISTRICT_FEEDBACK.oppose',
        'QUARTERLY_REVIEW.returned',
        'QUARTERLY_REVIEW.recommend_graduation',
      ]),
    );
    for (const w of [
      '区县反馈意见：同意',
      '区县反馈意见：不同意',
      '季度调度评审：建议毕业移出',
      '区县反馈意见同意',
    ]) {
      expect([w, coordinator.texts.some((t) => t.includes(w))]).toEqual([w, true]);
    }
    const detail = await expectOk(a.coordinator.api.get(`/api/enterprises/${opposed.creditCode}`));
    expect(detail.closing).toMatchObject({ outcome: 'DISTRICT_FEEDBACK.oppose' });
    const division = await expectOk(sme.api.get(`/api/enterprises/${a.creditCode}/history`));
    expect(division.some((e: any) => e.data.outcome === 'recommend_graduation')).toBe(true);
  });
});
