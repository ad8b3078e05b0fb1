import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { quarterOf } from '@hardtech/domain';
import { API_URL, Api } from '../support/api';
import { createUser, freshCreditCode, Member, tag } from '../support/cast';
import { closeDb, db, deleteSeededEnterprises } from '../support/db';
import { expectOk } from '../support/lifecycle';

// Issue 19 item 2: 调度会材料. A member is seeded with an overdue problem, a report behind the
// doubling path, a whistle and an escalation of this quarter, and two open tasks past due (one held
// by a sme officer, one no one has claimed); the .docx is read back (document.xml,
// tags stripped) and compared with GET /api/reports/kpi of the same day. The readers see the whole
// city while other tests change it, so a comparison counts only when the KPI read before and after
// the download agree.
jest.setTimeout(120_000);

const run = tag();
const name = `简报科技${run}`;
const title = `融资难-${run}`;
const code = freshCreditCode();
const year = new Date().getFullYear();
const quarter = quarterOf(new Date());
let coordinator: Member;
let leader: Member;
let auditor: Member;
let district: Member;
let sme: Member;
const smeName = `简报处员${run}`;

beforeAll(async () => {
  await db().query(
    `INSERT INTO enterprises (credit_code, name, district, cluster, stage, workflow_id, lifecycle_no, projection_seq,
       nomination, nominated_by, lead_cluster, baseline_revenue)
     VALUES ($1, $2, '500230', 'P1', 'supporting', $3, 1, 10, '{}', 'seed', 'P1', 10000000)`,
    [code, name, `enterprise/${code}`],
  );
  await db().query(
    `INSERT INTO lifecycles (credit_code, lifecycle_no, workflow_id, name, nominated_by, started_at)
     VALUES ($1, 1, $2, $3, 'seed', now())`,
    [code, `enterprise/${code}`, name],
  );
  await db().query(
    `INSERT INTO membership_periods (credit_code, lifecycle_no, from_date) VALUES ($1, 1, make_date($2, 1, 2))`,
    [code, year],
  );
  await db().query(
    `INSERT INTO quarterly_reports (credit_code, lifecycle_no, quarter, revenue, rd_expense, headcount, new_class_one_ip,
       financing, listing_progress, submitted_by, submitted_at, annualized_revenue, growth_ratio, expected_ratio, on_track)
     VALUES ($1, 1, $2, 2600000, 100000, 50, 0, 0, 'none', 'seed', now(), 10400000, 1.04, 1.2, false)`,
    [code, `${year - 1}Q4`],
  );
  await db().query(
    `INSERT INTO problems (id, credit_code, lifecycle_no, title, category, measures, target, owner_department, due_at,
       status, district, cluster, nomination_cluster, created_at, updated_at)
     VALUES ($1, $2, 1, $3, 'policy_support', '措施', '目标', 'finance', '2020-01-01', 'open', '500230', 'P1', 'P1', now(), now())`,
    [randomUUID(), code, title],
  );
  // 各行业处室牵头: an industry-owned one is named by its lead cluster's 行业处室 (unset: by the cluster).
  await db().query(
    `INSERT INTO problems (id, credit_code, lifecycle_no, title, category, measures, target, owner_department, due_at,
       status, district, cluster, nomination_cluster, created_at, updated_at)
     VALUES ($1, $2, 1, $3, 'enterprise_specific', '措施', '目标', 'industry', '2020-01-01', 'open', '500230', 'P1', 'P1', now(), now())`,
    [randomUUID(), code, `${title}-行业`],
  );
  for (const [type, escalated] of [
    ['WHISTLE_RESPONSE', false],
    ['QUARTERLY_REVIEW', true],
  ] as const) {
    await db().query(
      `INSERT INTO tasks (id, workflow_id, credit_code, lifecycle_no, type, stage, state_key, candidate_groups, status,
         enterprise_name, district, cluster, policy_version, created_at, due_at, escalated_at, department)
       VALUES ($1, $2, $3, 1, $4, 'supporting', 'seed', '{city_coordinator}', 'open', $5, '500230', 'P1', 1, now(),
         now() + interval '10 days', $6, 'tech')`,
      [randomUUID(), `enterprise/${code}`, code, type, name, escalated ? new Date() : null],
    );
  }
  [coordinator, leader, auditor, district, sme] = await Promise.all([
    createUser('city_coordinator', {}),
    createUser('leader', {}),
    createUser('auditor', {}),
    createUser('district_officer', { districts: ['500230'] }),
    createUser('sme_officer', { department: 'sme' }, undefined, smeName),
  ]);
  // Past due by the tasks table's due time, as TasksRepository.backdate leaves the demo's.
  for (const [type, groups, department, assignee, late] of [
    ['WHISTLE_RESPONSE', '{department:sme}', 'sme', sme.username, '3 days 2 hours'],
    ['QUARTERLY_REPORT', `{enterprise_user:enterprise:${code}}`, 'enterprise', null, '5 hours'],
  ] as const) {
    await db().query(
      `INSERT INTO tasks (id, workflow_id, credit_code, lifecycle_no, type, stage, state_key, candidate_groups, status,
         enterprise_name, district, cluster, policy_version, created_at, due_at, department, assignee)
       VALUES ($1, $2, $3, 1, $4, 'supporting', 'seed', $5, 'open', $6, '500230', 'P1', 1, now() - interval '20 days',
         now() - $7::interval, $8, $9)`,
      [randomUUID(), `enterprise/${code}`, code, type, groups, name, late, department, assignee],
    );
  }
});

afterAll(async () => {
  await deleteSeededEnterprises([code]);
  await closeDb();
});

async function download(api: Api, q = `?quarter=${quarter}`) {
  return fetch(`${API_URL}/api/reports/dispatch-briefing.docx${q}`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
}

/** document.xml with each paragraph on a line and the tags gone; and the rows of the table after a heading. */
async function readBack(res: Response) {
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  const strip = (s: string) =>
    s
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  const text = strip(xml);
  const tableAfter = (heading: string): string[][] => {
    const at = xml.indexOf(`>${heading}<`);
    expect(at).toBeGreaterThan(0);
    const rest = xml.slice(at);
    const start = rest.indexOf('<w:tbl>');
    const nextHeading = rest.indexOf('<w:pStyle w:val="Heading2"/>');
    if (start < 0 || (nextHeading > 0 && nextHeading < start)) return [];
    const table = rest.slice(start, rest.indexOf('</w:tbl>', start));
    return table
      .split(/<w:tr[ >]/)
      .slice(2) // before the first row, the header row
      .map((row) =>
        row
          .split(/<w:tc>/)
          .slice(1)
          .map((c) => strip(c).trim()),
      );
  };
  return { text, tableAfter };
}

const field = (text: string, label: string) => new RegExp(`${label}：(\\d+)家`).exec(text)?.[1];

describe('GET /api/reports/dispatch-briefing.docx', () => {
  it.each([
    ['coordinator', () => coordinator],
    ['leader', () => leader],
    ['auditor', () => auditor],
  ])('gives the %s the KPI’s figures and the overdue problems named', async (_, who) => {
    const api = who().api;
    let compared = false;
    for (let attempt = 0; attempt < 5 && !compared; attempt++) {
      const before = await expectOk(api.get(`/api/reports/kpi?year=${year}`));
      const res = await download(api);
      const after = await expectOk(api.get(`/api/reports/kpi?year=${year}`));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('wordprocessingml.document');
      expect(res.headers.get('content-disposition')).toContain(`dispatch-briefing-${quarter}.docx`);
      const { text, tableAfter } = await readBack(res);
      if (JSON.stringify(before) !== JSON.stringify(after)) continue; // another test changed the pool
      compared = true;
      expect(text).toContain(`中小型硬科技企业帮扶库 ${quarter} 季度调度会材料`);
      expect(field(text, '在库企业')).toBe(String(before.poolSize));
      expect(text).toContain(
        `${year}年新入库：${before.admittedThisYear}家，年度目标${before.annualTarget}家`,
      );
      expect(text).toContain(`逾期未销号：${before.problems.overdue}个`);
      const overdue = tableAfter('逾期问题');
      expect(overdue).toHaveLength(before.problems.overdue);
      expect(overdue).toContainEqual([name, '丰都县', title, '政策保障问题', '产业金融处', '2020-01-01']);
      expect(overdue).toContainEqual([
        name,
        '丰都县',
        `${title}-行业`,
        '企业个性问题',
        '行业处室（智能装备及智能制造）',
        '2020-01-01',
      ]);
      // The seeded member is behind the doubling path; the quarter's whistle and escalation are there.
      expect(tableAfter('落后于倍增路径的企业').map((r) => r[0])).toContain(name);
      expect(text).toMatch(/四、本季度企业吹哨（[1-9]\d*件）/);
      expect(text).toMatch(/五、本季度逾期升级（[1-9]\d*件）/);
      // The overdue tasks named, as many as the dashboard's 逾期任务, with who holds them and how late.
      const late = tableAfter(`逾期未办结事项（${before.overdueTasks.total}件）`);
      expect(late).toHaveLength(before.overdueTasks.total);
      const ours = late.filter((r) => r[0] === name).map((r) => [r[1], r[2], r[3], r[5]]);
      expect(ours).toEqual([
        ['丰都县', '企业吹哨·部门报到', `中小企业处 / ${smeName}`, '已超期 3 天'],
        ['丰都县', '季度报告', '企业（未认领）', '已超期 5 小时'],
      ]);
      for (const row of late) expect(row[4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      // The per-district table adds up to the pool size.
      const districts = tableAfter('六、分区县情况');
      expect(districts.reduce((s, r) => s + Number(r[1]), 0)).toBe(before.poolSize);
    }
    expect(compared).toBe(true);
  });

  it('lists the overdue tasks in GET /api/reports/kpi within the caller’s scope', async () => {
    const mine = (k: any) => k.overdueTasks.items.filter((i: any) => i.creditCode === code);
    const all = await expectOk(leader.api.get(`/api/reports/kpi?year=${year}`));
    expect(mine(all)).toEqual([
      expect.objectContaining({
        enterpriseName: name,
        taskType: 'WHISTLE_RESPONSE',
        taskLabel: { zh: '企业吹哨·部门报到', en: 'Whistle response' },
        department: 'sme',
        departmentLabel: { zh: '中小企业处', en: 'SME division' },
        assignee: sme.username,
        assigneeName: smeName,
        overdueDays: 3,
      }),
      expect.objectContaining({
        taskType: 'QUARTERLY_REPORT',
        assignee: null,
        assigneeName: null,
        overdueDays: 0,
      }),
    ]);
    // A district officer of another district reads neither the count nor the list of this one.
    const other = await createUser('district_officer', { districts: ['500237'] });
    const theirs = await expectOk(other.api.get(`/api/reports/kpi?year=${year}`));
    expect(mine(theirs)).toEqual([]);
    expect(theirs.overdueTasks.items).toHaveLength(theirs.overdueTasks.total);
    expect(mine(await expectOk(district.api.get(`/api/reports/kpi?year=${year}`)))).toHaveLength(2);
  });

  it('refuses other roles (403) and a malformed quarter (400)', async () => {
    expect((await download(district.api)).status).toBe(403);
    for (const q of ['?quarter=2026Q5', '?quarter=2026-10', '?quarter=Q4']) {
      expect([q, (await download(coordinator.api, q)).status]).toEqual([q, 400]);
    }
  });
});
