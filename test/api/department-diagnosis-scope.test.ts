import { createCast } from '../support/cast';
import { closeDb, db } from '../support/db';
import { bothWays, departmentsOf, DepartmentSide, wholeLedgerReaders } from '../support/department-scope';
import { driveToSupporting, sendReport, tickQuarter } from '../support/drive';
import { complete, eventually, expectOk, openTask, problem } from '../support/lifecycle';
import { nominateWithShortRuns } from '../support/short-runs';
import { closeTemporal } from '../support/temporal';

// 中小企业处 and 产业金融处 read the ledger items their department owns (docs/design.md 2.4). The
// growth diagnosis lists every problem of the enterprise, a quarterly review its progress on each,
// and the run a lifecycle continues as (a quarter's tick) the tasks it carried over, another
// department's 部门报到 among them. One enterprise has a problem of each department, both whistled
// on (the 部门报到 still open when the lifecycle continues as new) and both reviewed in a quarter:
// each department reads in the history, the case file and the steps' own pages the items of its
// own problem only, dropped, not blanked; every other reader reads the lists whole. Before, the
// departments read both problems everywhere the diagnosis and the review were shown.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const text = (body: unknown) => JSON.stringify(body);

/** `marks`: its problem's title, measures, target and the review's note. */
interface Side extends DepartmentSide {
  whistleTask: string;
}
type Entry = { action: string; data: Record<string, any> };
type Opinion = { taskType: string; data: Record<string, any> };

/** What a reader reads of the diagnosis, the review and the continued run, in the history. */
function listsOf(history: Entry[]) {
  const step = (type: string) =>
    history.find((e) => e.action === 'task.completed' && e.data.taskType === type)!.data.data;
  const continued = history.find((e) => e.action === 'lifecycle.continued');
  return {
    diagnosed: step('DIAGNOSE').problems?.map((p: { title: string }) => p.title),
    // (The enterprise reads neither the officers' review of it nor the runs: no such lists.)
    reviewed: step('QUARTERLY_REVIEW').problemUpdates?.map((u: { problemId: string }) => u.problemId),
    carried: continued?.data.openTasks.map((o: { taskId: string }) => o.taskId),
  };
}

describe('a diagnosis and a quarterly review naming a problem of each department', () => {
  let c: Awaited<ReturnType<typeof createCast>>;
  const sides = {} as Record<'sme' | 'finance', Side>;
  let titles: string[];
  let steps: { diagnose: string; review: string; report: string };

  beforeAll(async () => {
    c = await createCast();
    await nominateWithShortRuns(c);
    const smeMarks = ['专精特新申报辅导', '派员指导申报材料', '年内获评专精特新'];
    const financeMarks = ['流动资金缺口', '组织银企对接会', '获得三千万授信'];
    await driveToSupporting(c, {
      nominated: true,
      problems: [
        problem({ ownerDepartment: 'sme', title: smeMarks[0], measures: smeMarks[1], target: smeMarks[2] }),
        problem({
          ownerDepartment: 'finance',
          title: financeMarks[0],
          measures: financeMarks[1],
          target: financeMarks[2],
        }),
      ],
    });
    titles = [smeMarks[0], financeMarks[0]];
    const { officers, idOf, whistle } = await departmentsOf(c);
    for (const [key, marks] of [
      ['sme', smeMarks],
      ['finance', financeMarks],
    ] as const) {
      const problemId = idOf(marks[0]);
      const whistleTask = await whistle(problemId, '请协调', '请尽快协调');
      sides[key] = { officer: officers[key], problemId, whistleTask, marks: [...marks] };
      sides[key].marks.push(`${marks[0]}：本季度已推进`);
    }
    // The quarter's tick continues the lifecycle as new with both 部门报到 open.
    await tickQuarter(c, '2026Q3');
    await eventually(async () => {
      const history = await expectOk(c.coordinator.api.get(`/api/enterprises/${c.creditCode}/history`));
      return history.some((e: Entry) => e.action === 'lifecycle.continued');
    });
    await sendReport(c, '2026Q3');
    await eventually(() => openTask(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW'));
    await expectOk(
      complete(c.industry.api, c.creditCode, 'QUARTERLY_REVIEW', 'continue', {
        problemUpdates: Object.values(sides).map((s) => ({
          problemId: s.problemId,
          status: 'in_progress',
          note: s.marks[3],
        })),
      }),
    );
    const idOfStep = async (type: string) =>
      (await db().query(`SELECT id FROM tasks WHERE credit_code = $1 AND type = $2`, [c.creditCode, type]))
        .rows[0].id as string;
    steps = {
      diagnose: await idOfStep('DIAGNOSE'),
      review: await idOfStep('QUARTERLY_REVIEW'),
      report: await idOfStep('QUARTERLY_REPORT'),
    };
  });

  const pairs = () => bothWays(sides);

  it("leaves the other department's problem out of the diagnosis, the review and the continued run in each one's history", async () => {
    for (const [own, other] of pairs()) {
      const history = await expectOk(own.officer.api.get(`/api/enterprises/${c.creditCode}/history`));
      expect(listsOf(history)).toEqual({
        diagnosed: [own.marks[0]],
        reviewed: [own.problemId],
        carried: expect.arrayContaining([steps.report, own.whistleTask]),
      });
      expect(listsOf(history).carried).not.toContain(other.whistleTask);
      for (const mark of other.marks) expect(text(history)).not.toContain(mark);
      expect(text(history)).not.toContain(other.problemId);
      expect(text(history)).not.toContain(other.whistleTask);
    }
  });

  it('shows each department only its own problem in the case file and on the diagnosis and review pages', async () => {
    for (const [own, other] of pairs()) {
      const task = await expectOk(own.officer.api.get(`/api/tasks/${own.whistleTask}`));
      const opinion = (type: string) =>
        task.caseFile.opinions.find((o: Opinion) => o.taskType === type).data as Record<string, any>;
      expect(opinion('DIAGNOSE').problems.map((p: { title: string }) => p.title)).toEqual([own.marks[0]]);
      expect(
        opinion('QUARTERLY_REVIEW').problemUpdates.map((u: { problemId: string }) => u.problemId),
      ).toEqual([own.problemId]);
      const diagnose = await expectOk(own.officer.api.get(`/api/tasks/${steps.diagnose}`));
      expect(diagnose.data.problems.map((p: { title: string }) => p.title)).toEqual([own.marks[0]]);
      const review = await expectOk(own.officer.api.get(`/api/tasks/${steps.review}`));
      expect(review.data.problemUpdates.map((u: { problemId: string }) => u.problemId)).toEqual([
        own.problemId,
      ]);
      for (const body of [task, diagnose, review]) {
        for (const mark of other.marks) expect(text(body)).not.toContain(mark);
      }
      // The page's ledger is their own problem, as before.
      const page = await expectOk(own.officer.api.get(`/api/enterprises/${c.creditCode}`));
      expect(page.problems.map((p: { id: string }) => p.id)).toEqual([own.problemId]);
    }
  });

  it('leaves the other readers the diagnosis, the review and the continued run whole', async () => {
    const both = Object.values(sides);
    for (const reader of wholeLedgerReaders(c)) {
      const history = await expectOk(reader.api.get(`/api/enterprises/${c.creditCode}/history`));
      const lists = listsOf(history);
      expect(lists.diagnosed).toEqual(titles);
      const officer = reader !== c.enterprise;
      expect(lists.reviewed).toEqual(officer ? both.map((s) => s.problemId) : undefined);
      expect(lists.carried).toEqual(
        officer ? expect.arrayContaining(both.map((s) => s.whistleTask)) : undefined,
      );
      const page = await expectOk(reader.api.get(`/api/enterprises/${c.creditCode}`));
      // (Both entered the ledger with the diagnosis, at the same time: in no order of their own.)
      expect(page.problems.map((p: { title: string }) => p.title).sort()).toEqual([...titles].sort());
    }
    const diagnose = await expectOk(c.coordinator.api.get(`/api/tasks/${steps.diagnose}`));
    expect(diagnose.data.problems.map((p: { title: string }) => p.title)).toEqual(titles);
    const review = await expectOk(c.industry.api.get(`/api/tasks/${steps.review}`));
    expect(
      review.caseFile.opinions.find((o: Opinion) => o.taskType === 'DIAGNOSE').data.problems,
    ).toHaveLength(2);
    expect(review.data.problemUpdates).toHaveLength(2);
  });
});
