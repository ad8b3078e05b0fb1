import {
  findDistrict,
  ROLE_LABELS,
  sampleNomination,
  shanghaiTime,
  workingDayOnOrAfter,
} from '@hardtech/domain';
import { dateAfter, workCalendar } from '../support/calendar';
import { adminApi, Cast, createCast, createUser, freshCreditCode, Member } from '../support/cast';
import { closeDb, db } from '../support/db';
import { expectOk, JUDGMENTS } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 4, the inbox as a Camunda Tasklist user expects it: filters, sorting, paging and totals,
// "mine", the task's form with the enterprise's summary, and comments kept with the task. District
// 500153 / cluster F5 belong to this file alone, so lists filtered by them are exact.
const DISTRICT = '500153';
const CLUSTER = 'F5';
const COUNT = 5;

describe('the inbox', () => {
  let cast: Cast;
  let codes: string[];
  /** SCREEN task ids, in the order the enterprises were nominated. */
  let screens: string[];
  const coordinator = () => cast.coordinator.api;
  const ids = (body: { items: { id: string }[] }) => body.items.map((t) => t.id);
  const list = async (query: string) =>
    expectOk(coordinator().get(`/api/tasks?district=${DISTRICT}&${query}`));

  beforeAll(async () => {
    cast = await createCast(DISTRICT, CLUSTER);
    codes = Array.from({ length: COUNT }, () => freshCreditCode());
    screens = [];
    for (const [i, creditCode] of codes.entries()) {
      const nomination = sampleNomination({
        creditCode,
        district: DISTRICT,
        cluster: CLUSTER,
        name: `收件箱测试企业${i}`,
      });
      await expectOk(cast.districtOfficer.api.post('/api/nominations', nomination), 201);
      const r = await expectOk(coordinator().get(`/api/tasks?creditCode=${creditCode}`));
      screens.push(r.items[0].id);
    }
  });
  afterAll(() => Promise.all([closeTemporal(), closeDb()]));

  it('lists the open tasks of the district with the fields of docs/api.md', async () => {
    const r = await list('sort=createdAt');
    expect(r.total).toBe(COUNT);
    expect(ids(r)).toEqual(screens);
    expect(r.items[0]).toMatchObject({
      id: screens[0],
      type: 'SCREEN',
      creditCode: codes[0],
      enterpriseName: '收件箱测试企业0',
      stage: 'screening',
      candidateGroups: ['city_coordinator'],
      assignee: null,
      dueAt: expect.any(String),
      createdAt: expect.any(String),
      status: 'open',
      label: { zh: expect.any(String), en: expect.any(String) },
    });
    // P10D (the policy's SLA for SCREEN): the whole 10th Shanghai day after creation, or of the first
    // working day after it when that day is a rest day.
    const item = r.items[0];
    const lastDay = workingDayOnOrAfter(dateAfter(item.createdAt, 10), await workCalendar(coordinator()));
    expect(shanghaiTime(item.dueAt, 'second')).toBe(`${lastDay} 23:59:59`);
  });

  it('lists everything in scope by default for the system administrator, whom no task is for', async () => {
    const admin = await adminApi();
    const r = await expectOk(admin.get(`/api/tasks?district=${DISTRICT}&sort=createdAt`));
    expect(ids(r)).toEqual(screens);
    // What the administrator can do is nothing: asked for, that view is still empty.
    expect((await expectOk(admin.get(`/api/tasks?district=${DISTRICT}&view=inbox`))).total).toBe(0);
  });

  it('pages without overlap, each page with the full total', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => list(`sort=createdAt&pageSize=2&page=${page}`)));
    expect(pages.map((p) => p.total)).toEqual([COUNT, COUNT, COUNT]);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap(ids)).toEqual(screens);
    expect((await list('sort=createdAt&pageSize=2&page=4')).items).toEqual([]);
  });

  it('sorts by due date or creation, either way', async () => {
    // Due dates in the reverse order of creation, set in the read model the inbox sorts on.
    for (const [i, id] of screens.entries()) {
      await db().query(`UPDATE tasks SET due_at = now() + make_interval(days => $2) WHERE id = $1`, [
        id,
        30 - i,
      ]);
    }
    expect(ids(await list('sort=createdAt'))).toEqual(screens);
    expect(ids(await list('sort=-createdAt'))).toEqual([...screens].reverse());
    expect(ids(await list('sort=dueAt'))).toEqual([...screens].reverse());
    expect(ids(await list('sort=-dueAt'))).toEqual(screens);
    expect(ids(await list(''))).toEqual([...screens].reverse()); // dueAt is the default
  });

  it('filters by due date, overdue, type, credit code, cluster and candidate group', async () => {
    // screens[4] due in 26 days, screens[3] in 27, ...
    const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
    expect(ids(await list(`dueBefore=${encodeURIComponent(inDays(27.5))}`)).sort()).toEqual(
      [screens[3], screens[4]].sort(),
    );
    await db().query(`UPDATE tasks SET due_at = now() - interval '1 hour' WHERE id = $1`, [screens[0]]);
    const overdue = await list('overdue=true');
    expect(ids(overdue)).toEqual([screens[0]]);
    expect(overdue.items[0].overdue).toBe(true);
    expect((await list('overdue=false')).total).toBe(COUNT);
    expect((await list('type=SCREEN')).total).toBe(COUNT);
    expect((await list('type=ADMIT')).total).toBe(0);
    expect(ids(await list(`creditCode=${codes[2]}`))).toEqual([screens[2]]);
    expect((await list(`cluster=${CLUSTER}`)).total).toBe(COUNT);
    expect((await list('cluster=T1')).total).toBe(0);
    expect((await list('candidateGroup=city_coordinator')).total).toBe(COUNT);
    expect((await list(`candidateGroup=district_officer:district:${DISTRICT}`)).total).toBe(0);
    // A date alone means the start of that day in Shanghai.
    expect((await list('dueBefore=2000-01-01')).total).toBe(0);
    expect((await list('dueBefore=2999-01-01')).total).toBe(COUNT);
  });

  it('“mine” holds what I claimed (and later completed); the inbox what I can do', async () => {
    await expectOk(coordinator().post(`/api/tasks/${screens[1]}/claim`));
    await expectOk(coordinator().post(`/api/tasks/${screens[3]}/claim`));
    expect(ids(await list('mine=true&sort=createdAt'))).toEqual([screens[1], screens[3]]);
    expect(ids(await list('view=mine&sort=createdAt'))).toEqual([screens[1], screens[3]]);
    const other = await createUser('city_coordinator', {});
    const theirs = await expectOk(other.api.get(`/api/tasks?district=${DISTRICT}&sort=createdAt`));
    expect(theirs.total).toBe(COUNT); // claimed tasks stay visible to candidates, with their assignee
    expect(theirs.items.find((t: { id: string }) => t.id === screens[1]).assignee).toBe(
      cast.coordinator.username,
    );
    // …and by name, as the inbox shows it.
    await expectOk(
      (await adminApi()).patch(`/api/users/${cast.coordinator.username}`, { displayName: '科技处 张科长' }),
    );
    const named = await expectOk(other.api.get(`/api/tasks?district=${DISTRICT}&sort=createdAt`));
    const byId = new Map(named.items.map((t: { id: string }) => [t.id, t]));
    expect(byId.get(screens[1])).toMatchObject({
      assignee: cast.coordinator.username,
      assigneeName: '科技处 张科长',
    });
    expect(byId.get(screens[0])).toMatchObject({ assignee: null, assigneeName: null });
    // The task page names them too, not by account.
    expect(await expectOk(other.api.get(`/api/tasks/${screens[1]}`))).toMatchObject({
      assignee: cast.coordinator.username,
      assigneeName: '科技处 张科长',
    });
    expect(await expectOk(other.api.get(`/api/tasks/${screens[0]}`))).toMatchObject({ assigneeName: null });
    expect((await expectOk(other.api.get(`/api/tasks?district=${DISTRICT}&mine=true`))).total).toBe(0);

    await expectOk(
      coordinator().post(`/api/tasks/${screens[1]}/complete`, {
        outcome: 'pass',
        data: { judgments: JUDGMENTS },
      }),
    );
    expect(ids(await list('mine=true'))).toEqual([screens[3]]);
    expect(ids(await list('mine=true&status=done'))).toEqual([screens[1]]);
    const done = await list('status=done');
    expect(done.items[0]).toMatchObject({
      id: screens[1],
      status: 'done',
      outcome: 'pass',
      completedBy: cast.coordinator.username,
      completedByName: '科技处 张科长', // the 已办结 tab names who did it, not 未认领
    });
    // The district's inbox now holds the feedback the screening opened.
    const district = await expectOk(cast.districtOfficer.api.get(`/api/tasks?district=${DISTRICT}`));
    expect(district.items.map((t: { type: string }) => t.type)).toEqual(['DISTRICT_FEEDBACK']);
  });

  it('shows a task with its form, outcomes, what I may do, the enterprise and its comments', async () => {
    const detail = await expectOk(coordinator().get(`/api/tasks/${screens[2]}`));
    expect(detail).toMatchObject({
      id: screens[2],
      type: 'SCREEN',
      status: 'open',
      actions: { complete: true, claim: true, unclaim: false, delegate: true },
      canComplete: true,
      canClaim: true,
      enterprise: {
        creditCode: codes[2],
        name: '收件箱测试企业2',
        district: DISTRICT,
        cluster: CLUSTER,
        stage: 'screening',
      },
      comments: [],
    });
    expect(detail.outcomes.map((o: { outcome: string }) => o.outcome).sort()).toEqual([
      'pass',
      'reject',
      'request_info',
    ]);
    expect(Object.keys(detail.form.outcomes).sort()).toEqual(['pass', 'reject', 'request_info']);
    expect(detail.form.outcomes.pass.fields.map((f: { name: string }) => f.name)).toContain('judgments');
    expect(detail.enterprise.screening.criteria.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'S1', 'S2']),
    );
    const viewer = await expectOk(cast.auditor.api.get(`/api/tasks/${screens[2]}`));
    expect(viewer.actions).toEqual({
      complete: false,
      claim: false,
      unclaim: false,
      delegate: false,
      urge: false,
      cc: false,
    });
  });

  it('keeps comments with the task: who, when, the text verbatim, in order', async () => {
    const texts = [
      '已电话联系企业核实',
      '<script>alert("x")</script>',
      "'; DROP TABLE task_comments; --",
      'x'.repeat(2000),
    ];
    const district: Member = cast.districtOfficer;
    for (const [i, text] of texts.entries()) {
      const author = i % 2 ? district : cast.coordinator;
      const r = await expectOk(author.api.post(`/api/tasks/${screens[4]}/comments`, { text }), 201);
      const me = await expectOk(author.api.get('/api/me'));
      expect(r).toEqual({
        id: expect.any(String),
        author: author.username,
        // Named as people are named on the page (赵强 · 渝北区经信部门), not by their login.
        authorName: me.displayName,
        authorDepartment: { zh: expect.any(String), en: expect.any(String) },
        text,
        at: expect.any(String),
      });
    }
    const comments = (await expectOk(cast.auditor.api.get(`/api/tasks/${screens[4]}`))).comments;
    expect(comments.map((c: { text: string }) => c.text)).toEqual(texts);
    expect(comments.map((c: { author: string }) => c.author)).toEqual([
      cast.coordinator.username,
      district.username,
      cast.coordinator.username,
      district.username,
    ]);
    // The department a 审批单 names beside them: the role's for the coordinator, the district's 经信部门.
    const coordinatorOf = ROLE_LABELS.city_coordinator.zh;
    const districtOf = `${findDistrict(DISTRICT)!.name}经信部门`;
    expect(comments.map((c: { authorDepartment: { zh: string } }) => c.authorDepartment.zh)).toEqual([
      coordinatorOf,
      districtOf,
      coordinatorOf,
      districtOf,
    ]);
    const times = comments.map((c: { at: string }) => Date.parse(c.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(
      (await coordinator().post(`/api/tasks/${screens[4]}/comments`, { text: 'x'.repeat(2001) })).status,
    ).toBe(400);
    expect((await coordinator().post(`/api/tasks/${screens[4]}/comments`, { text: '' })).status).toBe(400);
  });
});
