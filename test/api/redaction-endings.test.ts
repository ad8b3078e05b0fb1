import { Actor } from '@hardtech/domain';
import { Cast, createCast, createUser, Member, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import { driveToSupporting } from '../support/drive';
import { complete, expectOk, JUDGMENTS, nominationFor, problem } from '../support/lifecycle';
import { listedBy } from '../support/list-statements';
import { Bodies, leaks, walkOutputs } from '../support/outputs';
import { closeTemporal } from '../support/temporal';

// What an enterprise reads of how its lifecycles ended, and of its ledger's 一企一策 / 一事一议 mark,
// in every output it can reach (every GET of the OpenAPI document: JSON, exports, PDFs):
// - the reason a rejection gives it (不予入库, 不予纳入) reads the same in `closing`, in every one of
//   its `lifecycles` and in the history; the district's opposing opinion in none of them;
// - the special handling is the coordinators' classification of a hard case (二(五) 分析研判): the
//   departments who work the problem read it, the enterprise does not;
// - the task list does not look up the officers' names it redacts.
jest.setTimeout(300_000);

const run = tag();
const mark = (field: string) => `MARK-${field}-${run}`;
/** Reasons the enterprise is owed. */
const OWED = { screen: mark('screenReject'), admit: mark('admitReject') };
/** The district's opinion that ended a lifecycle: the officers', never the enterprise's. */
const OPINION = mark('opposeOpinion');
const HANDLING = ['one_enterprise_one_policy', 'one_matter_one_discussion'];
/** As an export or a printout words the handling. */
const HANDLING_WORDS = ['一企一策', '一事一议', 'One enterprise, one policy', 'One matter, one discussion'];

let rejected: Cast;
let opposed: Cast;
let member: Cast;
let sme: Member;
const ids = new Set<string>();

beforeAll(async () => {
  [rejected, opposed, member] = await Promise.all([createCast(), createCast(), createCast()]);
  sme = await createUser('sme_officer', { department: 'sme' });

  // Rejected at screening, nominated again by itself, and refused admission.
  const r = rejected;
  await expectOk(r.districtOfficer.api.post('/api/nominations', nominationFor(r)), 201);
  await expectOk(complete(r.coordinator.api, r.creditCode, 'SCREEN', 'reject', { reason: OWED.screen }));
  await expectOk(r.enterprise.api.post('/api/nominations', nominationFor(r)), 201);
  await expectOk(complete(r.coordinator.api, r.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  await expectOk(
    complete(r.districtOfficer.api, r.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
  );
  await expectOk(complete(r.enterprise.api, r.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
  await expectOk(complete(r.coordinator.api, r.creditCode, 'ADMIT', 'reject', { reason: OWED.admit }));

  // Ended by the district's opposing opinion.
  const o = opposed;
  await expectOk(o.districtOfficer.api.post('/api/nominations', nominationFor(o)), 201);
  await expectOk(complete(o.coordinator.api, o.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  await expectOk(
    complete(o.districtOfficer.api, o.creditCode, 'DISTRICT_FEEDBACK', 'oppose', { opinion: OPINION }),
  );

  // A member with one problem marked 一企一策 by the diagnosis and one marked 一事一议 afterwards.
  await driveToSupporting(member, {
    problems: [
      problem({ special: HANDLING[0] }),
      problem({ title: '市场开拓', ownerDepartment: 'sme', special: null }),
    ],
  });
  const { items } = await expectOk(
    member.coordinator.api.get(`/api/problems?creditCode=${member.creditCode}`),
  );
  const later = items.find((p: { title: string }) => p.title === '市场开拓');
  await expectOk(member.coordinator.api.patch(`/api/problems/${later.id}`, { handling: HANDLING[1] }));
  for (const p of items) ids.add(p.id);
  for (const c of [rejected, opposed, member]) {
    const tasks = await expectOk(c.coordinator.api.get(`/api/tasks?creditCode=${c.creditCode}&status=done`));
    for (const task of tasks.items) ids.add(task.id);
  }
});

afterAll(() => Promise.all([closeTemporal(), closeDb()]));

function walk(api: Member['api'], who: string): Promise<Bodies> {
  const creditCodes = [rejected.creditCode, opposed.creditCode, member.creditCode];
  return walkOutputs(api, { creditCode: creditCodes, id: [...ids], username: [who], date: ['2026-10-01'] }, [
    '',
    ...creditCodes.map((cc) => `?creditCode=${cc}&pageSize=100`),
    '?pageSize=100',
  ]);
}

/** Every value of a `special` or `handling` key in the answers' JSON. */
function handlingValues(value: unknown, out: unknown[] = []): unknown[] {
  if (!value || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'special' || k === 'handling') && (typeof v === 'string' || v === null)) {
      if (v !== null) out.push(v);
    } else handlingValues(v, out);
  }
  return out;
}

describe('why a lifecycle ended, one rule in every place', () => {
  it('gives the enterprise the reasons it is owed alike in closing, lifecycles and history', async () => {
    const e = await expectOk(rejected.enterprise.api.get(`/api/enterprises/${rejected.creditCode}`));
    expect(e.closing).toMatchObject({ outcome: 'ADMIT.reject', reason: OWED.admit, by: null });
    expect(e.lifecycles.map((l: any) => [l.lifecycleNo, l.finalStage, l.reason])).toEqual([
      [1, 'rejected', OWED.screen],
      [2, 'rejected', OWED.admit],
    ]);
    const history = await expectOk(
      rejected.enterprise.api.get(`/api/enterprises/${rejected.creditCode}/history`),
    );
    expect(history.filter((h: any) => h.action === 'lifecycle.ended').map((h: any) => h.data.reason)).toEqual(
      [OWED.screen, OWED.admit],
    );
  });

  it("keeps the district's opposing opinion from the enterprise everywhere, and gives it officers", async () => {
    const bodies = await walk(opposed.enterprise.api, opposed.enterprise.username);
    expect(leaks(bodies, [OPINION])).toEqual([]);
    const e = await expectOk(opposed.enterprise.api.get(`/api/enterprises/${opposed.creditCode}`));
    expect([e.closing.reason, e.lifecycles[0].reason]).toEqual([null, null]);
    const officer = await expectOk(opposed.coordinator.api.get(`/api/enterprises/${opposed.creditCode}`));
    expect([officer.closing.reason, officer.lifecycles[0].reason]).toEqual([OPINION, OPINION]);
  });
});

describe('一企一策 / 一事一议 is the coordinators’ classification', () => {
  it('reaches the enterprise in no output: JSON, export or printout', async () => {
    const bodies = await walk(member.enterprise.api, member.enterprise.username);
    expect(bodies.flatMap((b) => handlingValues(b.json).map((v) => `${v} in ${b.endpoint}`))).toEqual([]);
    expect(leaks(bodies, HANDLING)).toEqual([]);
    const documents = bodies.filter((b) => b.json === null);
    expect(leaks(documents, HANDLING_WORDS)).toEqual([]);
  });

  it('is read by the coordinators and the departments who work the ledger (so the walk can fail)', async () => {
    // 中小企业处 reads its own problem's (市场开拓, HANDLING[1]), not the industry one's: a department
    // reads only the ledger items it owns (ledger-scope.ts), in the diagnosis's list too.
    const expected: [Member, string[]][] = [
      [member.coordinator, HANDLING],
      [sme, [HANDLING[1]]],
    ];
    for (const [reader, handling] of expected) {
      const bodies = await walk(reader.api, reader.username);
      const values = new Set(bodies.flatMap((b) => handlingValues(b.json)));
      expect([reader.username, [...values].sort()]).toEqual([reader.username, handling]);
    }
    const bodies = await walk(member.coordinator.api, member.coordinator.username);
    expect(
      leaks(
        bodies.filter((b) => b.json === null),
        ['一企一策'],
      ).length,
    ).toBeGreaterThan(0);
  });
});

describe("the task list's names", () => {
  // An enterprise's list holds its own steps and what was copied to it (抄送 to an enterprise user
  // is refused now; a copy of an officer's step from before stays): it learns only its own users'
  // names, and the list does not look up the officer's it would drop.
  it("names for the enterprise who did its own steps, and looks up no officer's name", async () => {
    const diagnosis = (
      await expectOk(
        member.coordinator.api.get(`/api/tasks?creditCode=${member.creditCode}&status=done&view=all`),
      )
    ).items.find((task: { type: string }) => task.type === 'DIAGNOSE');
    await db().query(
      `INSERT INTO task_copies (task_id, username, copied_by, copied_at) VALUES ($1, $2, $3, now())`,
      [diagnosis.id, member.enterprise.username, member.coordinator.username],
    );
    const actor: Actor = {
      username: member.enterprise.username,
      role: 'enterprise_user',
      scope: { creditCodes: [member.creditCode] },
    };
    const rows = await listedBy(actor, {
      view: 'all',
      status: 'done',
      creditCode: member.creditCode,
      sort: 'createdAt',
      page: 1,
      pageSize: 100,
    });
    expect(rows.map((r) => [r.type, r.completedByName])).toEqual([
      ['ENTERPRISE_CONFIRM', member.enterprise.username],
      ['DIAGNOSE', null],
    ]);
    const listed = await expectOk(
      member.enterprise.api.get(
        `/api/tasks?creditCode=${member.creditCode}&status=done&view=all&sort=createdAt`,
      ),
    );
    expect(listed.items.map((i: any) => [i.type, i.completedBy, i.completedByName])).toEqual([
      ['ENTERPRISE_CONFIRM', member.enterprise.username, member.enterprise.username],
      ['DIAGNOSE', null, null],
    ]);
  });
});
