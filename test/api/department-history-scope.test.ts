import { createCast } from '../support/cast';
import { closeDb, db } from '../support/db';
import { bothWays, departmentsOf, DepartmentSide, wholeLedgerReaders } from '../support/department-scope';
import { driveToSupporting } from '../support/drive';
import { expectOk, problem } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// 中小企业处 and 产业金融处 read the ledger items their department owns (docs/design.md 2.4). One
// enterprise has a problem of each, each whistled on and answered by its department, and 产业金融处
// also notes progress on its own and asks for its 销号. Each department sees the enterprise through
// its own problem, and its history, page, case files and dossier leave out everything about the
// other's: the whistle and its title, the 部门报到 task and its reply, the ledger work, the 销号
// review. Before, the history showed every entry to them, and the page and case files every problem
// and step of the lifecycle.
afterAll(async () => {
  await closeTemporal();
  await closeDb();
});

const text = (body: unknown) => JSON.stringify(body);

/** `marks`: the words only this department's ledger item holds. */
interface Side extends DepartmentSide {
  /** Its ledger tasks: the 部门报到, then (finance) the 销号 review. */
  tasks: string[];
  title: string;
}

describe('an enterprise with a problem of each department', () => {
  let c: Awaited<ReturnType<typeof createCast>>;
  const sides = {} as Record<'sme' | 'finance', Side>;

  beforeAll(async () => {
    c = await createCast();
    await driveToSupporting(c, {
      problems: [
        problem({ ownerDepartment: 'sme', title: '专精特新申报', measures: '申报辅导', target: '获评' }),
        problem({ ownerDepartment: 'finance', title: '流动资金紧张' }),
      ],
    });
    const { officers, idOf, whistle } = await departmentsOf(c);
    sides.sme = {
      officer: officers.sme,
      problemId: idOf('专精特新申报'),
      title: '专精特新申报',
      marks: ['申报材料无人指导', '已安排专人辅导申报'],
      tasks: [],
    };
    sides.finance = {
      officer: officers.finance,
      problemId: idOf('流动资金紧张'),
      title: '流动资金紧张',
      marks: ['贷款审批停滞', '已约三家银行面谈', '已与银行签订授信意向', '授信已获批'],
      tasks: [],
    };
    for (const side of Object.values(sides)) {
      side.tasks.push(await whistle(side.problemId, side.marks[0]));
      await expectOk(
        side.officer.api.post(`/api/tasks/${side.tasks[0]}/complete`, {
          outcome: 'respond',
          data: { response: side.marks[1], resolved: false },
        }),
      );
    }
    const work = `/api/problems/${sides.finance.problemId}`;
    const finance = officers.finance.api;
    await expectOk(finance.post(`${work}/progress`, { note: sides.finance.marks[2] }), 201);
    const close = await expectOk(
      finance.post(`${work}/close-request`, { summary: sides.finance.marks[3] }),
      201,
    );
    sides.finance.tasks.push(close.taskId);
  });

  const pairs = () => bothWays(sides);

  it("leaves the other department's whistle, answer and ledger work out of each one's history", async () => {
    for (const [own, other] of pairs()) {
      const history = await expectOk(own.officer.api.get(`/api/enterprises/${c.creditCode}/history`));
      const about = (id: string) =>
        history.filter(
          (e: { data: Record<string, unknown> }) => e.data.problemId === id || e.data.taskId === id,
        );
      // Dropped, not blanked: no entry names the other's problem or its tasks, nor says what they held.
      expect([other.problemId, ...other.tasks].flatMap(about)).toEqual([]);
      for (const mark of other.marks) expect(text(history)).not.toContain(mark);
      // Their own whistle and answer are there, and the enterprise's path as before.
      expect(about(own.tasks[0]).map((e: { action: string }) => e.action)).toEqual([
        'whistle.blown',
        'task.created',
        'task.completed',
      ]);
      expect(text(history)).toContain(own.marks[0]);
      expect(history.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['nominated', 'stage.changed', 'whistle.blown']),
      );
    }
  });

  it('shows each department only its own problem on the enterprise page, case files and dossier', async () => {
    for (const [own, other] of pairs()) {
      const page = await expectOk(own.officer.api.get(`/api/enterprises/${c.creditCode}`));
      expect(page.problems.map((p: { id: string }) => p.id)).toEqual([own.problemId]);
      const task = await expectOk(own.officer.api.get(`/api/tasks/${own.tasks[0]}`));
      const steps = task.caseFile.opinions.map((o: { taskId: string }) => o.taskId);
      expect(steps).toContain(own.tasks[0]);
      expect(steps).not.toContain(other.tasks[0]);
      for (const mark of other.marks.slice(1)) expect(text(task.caseFile)).not.toContain(mark);
      const dossier = await own.officer.api.get(`/api/enterprises/${c.creditCode}/dossier.pdf`);
      expect(dossier.status).toBe(200);
    }
  });

  it('leaves the other readers their whole history and ledger', async () => {
    for (const reader of wholeLedgerReaders(c)) {
      const history = text(await expectOk(reader.api.get(`/api/enterprises/${c.creditCode}/history`)));
      for (const side of Object.values(sides)) expect(history).toContain(side.marks[0]);
      const page = await expectOk(reader.api.get(`/api/enterprises/${c.creditCode}`));
      expect(page.problems).toHaveLength(2);
    }
  });

  // A 部门报到 projected before tasks.problem_id (its whistle superseded before the migration could
  // name its problem) still follows its problem in the history: the whistle's own record names both.
  it("keeps a response whose task row names no problem out of the other department's history", async () => {
    await db().query(`UPDATE tasks SET problem_id = NULL WHERE id = $1`, [sides.finance.tasks[0]]);
    try {
      const history = await expectOk(sides.sme.officer.api.get(`/api/enterprises/${c.creditCode}/history`));
      expect(text(history)).not.toContain(sides.finance.tasks[0]);
      expect(text(history)).not.toContain(sides.finance.marks[1]);
      const own = await expectOk(sides.finance.officer.api.get(`/api/enterprises/${c.creditCode}/history`));
      expect(text(own)).toContain(sides.finance.tasks[0]);
    } finally {
      await db().query(`UPDATE tasks SET problem_id = $1 WHERE id = $2`, [
        sides.finance.problemId,
        sides.finance.tasks[0],
      ]);
    }
  });
});
