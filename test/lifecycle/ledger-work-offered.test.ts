import { createCast, createUser, Member } from '../support/cast';
import { closeDb } from '../support/db';
import { driveToSupporting } from '../support/drive';
import { expectOk, problem } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// The ledger offers 办理 only where the work succeeds: each row's `workKinds` is the rule the
// lifecycle's Update applies (problemWorkRefusal), so a district officer is not offered a finance
// problem it would be refused (403) on submitting.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const OWNERS = ['district', 'finance', 'industry'] as const;

it('offers each member the work the API lets it do on each problem, and nothing else', async () => {
  const c = await createCast();
  await driveToSupporting(c, {
    problems: OWNERS.map((owner) => problem({ title: `${owner}的问题`, ownerDepartment: owner })),
  });
  const finance = await createUser('finance_officer', { department: 'finance' });
  const members: Record<string, Member> = {
    district: c.districtOfficer,
    finance,
    industry: c.industry,
    commissioner: c.commissioner,
    coordinator: c.coordinator,
  };

  const offered: Record<string, Record<string, string[]>> = {};
  for (const [who, m] of Object.entries(members)) {
    const ledger = await expectOk(m.api.get(`/api/problems?creditCode=${c.creditCode}&pageSize=50`));
    offered[who] = Object.fromEntries(ledger.items.map((p: any) => [p.ownerDepartment, p.workKinds]));
    // The drawer reads the same from the problem itself.
    for (const p of ledger.items) {
      expect((await expectOk(m.api.get(`/api/problems/${p.id}`))).workKinds).toEqual(p.workKinds);
    }
  }
  const WORKER = ['progress', 'close_request', 'extend'];
  expect(offered).toEqual({
    // 定点联系: each department its own; the commissioner all of the enterprise's; 科技处 the handling.
    district: { district: WORKER, finance: [], industry: [] },
    finance: { finance: WORKER },
    industry: { district: [], finance: [], industry: WORKER },
    commissioner: { district: WORKER, finance: WORKER, industry: WORKER },
    coordinator: { district: ['handling'], finance: ['handling'], industry: ['handling'] },
  });

  // What is offered succeeds; what is not is refused, 403, and changes nothing.
  const ids = Object.fromEntries(
    (await expectOk(c.coordinator.api.get(`/api/problems?creditCode=${c.creditCode}`))).items.map(
      (p: any) => [p.ownerDepartment, p.id],
    ),
  );
  for (const [who, m] of Object.entries(members)) {
    for (const [owner, kinds] of Object.entries(offered[who])) {
      const url = `/api/problems/${ids[owner]}`;
      const progress = await m.api.post(`${url}/progress`, { note: `${who} 走访` });
      const handling = await m.api.patch(url, { handling: null });
      expect([who, owner, progress.status, handling.status]).toEqual([
        who,
        owner,
        kinds.includes('progress') ? 201 : 403,
        kinds.includes('handling') ? 200 : 403,
      ]);
    }
  }
  const notes = async (owner: string) =>
    (await expectOk(c.coordinator.api.get(`/api/problems/${ids[owner]}`))).progress.map((x: any) => x.note);
  expect(await notes('finance')).toEqual(['finance 走访', 'commissioner 走访']);
});
