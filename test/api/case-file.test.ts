import { Cast, createCast, createUser, Member, tag } from '../support/cast';
import { closeDb } from '../support/db';
import { upload } from '../support/files';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { getPdf, squeezed } from '../support/pdf';
import { yuanText } from '@hardtech/domain';
import { closeTemporal } from '../support/temporal';
import { rfc5987 } from '../../apps/api/src/controllers/file-answer';

// Issue 16 item 1: every task carries the case it is decided on (审批单) — the nomination as the
// lifecycle holds it, the screening, every earlier opinion by name and department, the evidence —
// redacted by the one rule: the enterprise reads its own data, never an officer's opinion.
const SCREEN_NOTE = `筛选意见-${tag()}`;
const FEEDBACK_OPINION = `区县意见-${tag()}`;

describe('the case file', () => {
  let cast: Cast;
  let coordinator: Member;
  const coordinatorName = `统筹员${tag()}`;

  beforeAll(async () => {
    cast = await createCast();
    coordinator = await createUser('city_coordinator', {}, undefined, coordinatorName);
    for (const purpose of ['C3', 'C5']) {
      await expectOk(
        upload(
          cast.districtOfficer.api,
          { creditCode: cast.creditCode, subject: 'nomination', purpose },
          { name: `${purpose}证书.pdf`, content: Buffer.from('%PDF-1.4\n%%EOF\n') },
        ),
        201,
      );
    }
    await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
    await expectOk(
      complete(coordinator.api, cast.creditCode, 'SCREEN', 'pass', {
        judgments: JUDGMENTS,
        note: SCREEN_NOTE,
      }),
    );
  });
  afterAll(() => Promise.all([closeTemporal(), closeDb()]));

  const caseFileOf = async (api: Member['api'], type: string) => {
    const task = await openTask(api, cast.creditCode, type);
    expect(task).toBeDefined();
    return (await expectOk(api.get(`/api/tasks/${task.id}`))).caseFile;
  };

  // After the decision C2 and C6 read what the coordinator confirmed, not 需人工研判, on the
  // screening itself as on the steps after it; the enterprise still reads no criteria at all.
  it('shows the criteria the coordinator judged as confirmed, with the notes, once the screening passed', async () => {
    const screen = (
      await expectOk(
        coordinator.api.get(`/api/tasks?view=mine&status=done&type=SCREEN&creditCode=${cast.creditCode}`),
      )
    ).items[0];
    for (const file of [
      (await expectOk(coordinator.api.get(`/api/tasks/${screen.id}`))).caseFile,
      await caseFileOf(cast.districtOfficer.api, 'DISTRICT_FEEDBACK'),
    ]) {
      const judged = file.screening.criteria.filter((c: { kind: string }) => c.kind === 'judgment');
      expect(judged.map((c: { id: string; confirmed: unknown }) => [c.id, c.confirmed])).toEqual([
        ['C2', { note: JUDGMENTS.C2.note }],
        ['C6', { note: JUDGMENTS.C6.note }],
      ]);
    }
    const confirm = await openTask(cast.enterprise.api, cast.creditCode, 'ENTERPRISE_CONFIRM');
    // Its task's 编号 is no officer's word: the enterprise reads it as the sheet prints it.
    expect(confirm.sheetNoText).toMatch(/^渝硬科审〔\d{4}〕\d+号$/);
    const own = await expectOk(cast.enterprise.api.get(`/api/tasks/${confirm.id}`));
    expect(own.sheetNoText).toBe(confirm.sheetNoText);
    if (confirm) {
      const own = (await expectOk(cast.enterprise.api.get(`/api/tasks/${confirm.id}`))).caseFile;
      expect(own.screening).toBeNull();
    }
  });

  it('gives the district officer the nomination, the criteria, the SCREEN opinion by name and both certificates', async () => {
    const file = await caseFileOf(cast.districtOfficer.api, 'DISTRICT_FEEDBACK');
    const nomination = nominationFor(cast);
    expect(file.enterprise).toMatchObject({
      ...nomination,
      districtName: '渝北区',
      clusterName: expect.any(String),
      rdIntensity: nomination.rdExpensePrevYear / nomination.revenuePrevYear,
      stage: 'feedback',
      lifecycleNo: 1,
      leadCluster: null,
      commissioner: null,
      baselineRevenue: null,
    });
    expect(file.screening.criteria.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['C1', 'C2', 'C3', 'C4', 'C5', 'C6']),
    );
    for (const c of file.screening.criteria) {
      expect(c).toEqual({
        id: expect.any(String),
        kind: expect.any(String),
        outcome: expect.stringMatching(/^(pass|fail|judgment)$/),
        detail: expect.any(String),
        detailEn: expect.any(String),
        confirmed: c.kind === 'judgment' ? { note: expect.any(String) } : null,
      });
    }
    expect(file.opinions).toEqual([
      {
        taskId: expect.any(String),
        taskType: 'SCREEN',
        outcome: 'pass',
        opinion: `C2：${JUDGMENTS.C2.note}；C6：${JUDGMENTS.C6.note}；筛选意见：${SCREEN_NOTE}`,
        data: { judgments: JUDGMENTS, note: SCREEN_NOTE },
        actor: coordinator.username,
        actorName: coordinatorName,
        actorDepartment: { zh: '科技处（统筹）', en: 'City coordinator' },
        onBehalfOf: null,
        at: expect.any(String),
      },
    ]);
    expect(file.attachments).toEqual(
      ['C3', 'C5'].map((purpose) => ({
        id: expect.any(String),
        fileName: `${purpose}证书.pdf`,
        purpose,
        subject: 'nomination',
        size: 15,
        uploadedBy: cast.districtOfficer.username,
        uploadedByName: cast.districtOfficer.username,
        uploadedAt: expect.any(String),
      })),
    );
  });

  it('prints the district officer’s 审批单: the case file’s data, criteria, opinion and author, on A4 with the font embedded', async () => {
    const task = await openTask(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK');
    const json = (await expectOk(cast.districtOfficer.api.get(`/api/tasks/${task.id}`))).caseFile;
    const pdf = await getPdf(cast.districtOfficer.api, `/api/tasks/${task.id}/approval-sheet.pdf`);
    expect([pdf.status, pdf.type]).toEqual([200, 'application/pdf']);
    const raw = pdf.bytes.toString('latin1');
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/); // A4
    expect(raw).toMatch(/\/FontFile2/); // the TrueType font is embedded
    for (const printed of [
      '中小型硬科技企业帮扶库审批单',
      json.enterprise.name,
      json.enterprise.creditCode,
      json.enterprise.districtName,
      yuanText(json.enterprise.revenuePrevYear),
      '区县反馈意见',
      SCREEN_NOTE,
      coordinatorName,
      '科技处（统筹）',
      '通过筛选',
      'C3证书.pdf',
    ]) {
      expect([printed, pdf.text.includes(squeezed(printed))]).toEqual([printed, true]);
    }
    expect(yuanText(json.enterprise.revenuePrevYear)).toMatch(/^[\d,.]+ (万元|亿元)$/);
    // Codes stay out of the paper: enums and criteria in words.
    for (const code of ['enterprise_tech_center', 'judgment', 'undefined', 'null', 'DISTRICT_FEEDBACK']) {
      expect([code, pdf.text.includes(code)]).toEqual([code, false]);
    }
    // The cluster by its name as the screens say it, not T2 新一代…; each stage says whose it is.
    expect(pdf.text).toContain(squeezed(`所属产业集群${json.enterprise.clusterName}`));
    expect(pdf.text).not.toContain(`${json.enterprise.cluster}${squeezed(json.enterprise.clusterName)}`);
    expect(pdf.text).toContain('本环节所属阶段区县和企业反馈');
    expect(pdf.text).toContain('企业当前阶段区县和企业反馈');
  });

  it('numbers the 审批单 as a document number (渝硬科审〔2026〕n号): the same on every print, another task’s not, no uuid', async () => {
    const task = await openTask(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK');
    const sheetNo = async (api: typeof cast.districtOfficer.api, id: string) => {
      const pdf = await getPdf(api, `/api/tasks/${id}/approval-sheet.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.text).not.toContain(id);
      return pdf.text.match(/编号(渝硬科审〔\d{4}〕\d+号)·/)?.[1];
    };
    const first = await sheetNo(cast.districtOfficer.api, task.id);
    expect(first).toMatch(/^渝硬科审〔\d{4}〕\d+号$/);
    // Printed again, and by another reader of the same task: the same number.
    expect(await sheetNo(cast.districtOfficer.api, task.id)).toBe(first);
    expect(await sheetNo(coordinator.api, task.id)).toBe(first);
    // The screening step before it is another task with another number.
    const { items } = await expectOk(
      coordinator.api.get(`/api/tasks?view=all&creditCode=${cast.creditCode}&type=SCREEN&status=done`),
    );
    expect(items).toHaveLength(1);
    const screen = await sheetNo(coordinator.api, items[0].id);
    expect(screen).toMatch(/^渝硬科审〔\d{4}〕\d+号$/);
    expect(screen).not.toBe(first);
    // The JSON says the same 编号, on the task and on the list's rows: the year it opened in Beijing.
    expect(items[0].sheetNoText).toBe(screen);
    const detail = await expectOk(coordinator.api.get(`/api/tasks/${task.id}`));
    const beijingYear = new Date(Date.parse(detail.createdAt) + 8 * 3600_000).getUTCFullYear();
    expect(detail).toMatchObject({ sheetYear: beijingYear, sheetNo: expect.any(Number), sheetNoText: first });
    expect(first).toBe(`渝硬科审〔${beijingYear}〕${detail.sheetNo}号`);
    expect(task.sheetNoText).toBe(first);
  });

  it('names the 审批单’s file by its 编号, in UTF-8 (RFC 5987) and in ASCII for old clients', async () => {
    const task = await openTask(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK');
    const pdf = await getPdf(cast.districtOfficer.api, `/api/tasks/${task.id}/approval-sheet.pdf`);
    const name = `审批单-${task.sheetNoText}.pdf`;
    expect(pdf.disposition).toBe(
      `inline; filename="approval-sheet-${task.sheetYear}-${task.sheetNo}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(pdf.disposition!)![1])).toBe(name);
    expect(pdf.disposition).not.toContain(task.id);
    // RFC 5987's attr-chars leave out what encodeURIComponent keeps: ' ( ) *.
    expect(rfc5987("审批单(副本)'*!.pdf")).toBe(
      `${encodeURIComponent('审批单')}%28${encodeURIComponent('副本')}%29%27%2A!.pdf`,
    );
  });

  it("gives the enterprise its own data on ENTERPRISE_CONFIRM and no officer's opinion, name or criteria", async () => {
    await expectOk(
      complete(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK', 'support', {
        opinion: FEEDBACK_OPINION,
      }),
    );
    const file = await caseFileOf(cast.enterprise.api, 'ENTERPRISE_CONFIRM');
    expect(file.enterprise).toMatchObject({ ...nominationFor(cast), stage: 'feedback' });
    expect(file.screening).toBeNull();
    expect(file.opinions).toEqual(
      ['SCREEN', 'DISTRICT_FEEDBACK'].map((taskType) => ({
        taskId: expect.any(String),
        taskType,
        outcome: expect.any(String),
        opinion: null,
        data: {},
        actor: null,
        actorName: null,
        actorDepartment: null,
        onBehalfOf: null,
        at: expect.any(String),
      })),
    );
    expect(file.attachments.map((a: { purpose: string }) => a.purpose)).toEqual(['C3', 'C5']);
    const text = JSON.stringify(file);
    for (const secret of [SCREEN_NOTE, FEEDBACK_OPINION, JUDGMENTS.C2.note, coordinatorName]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(cast.districtOfficer.username);

    // On paper the same: its 审批单 and its 一企一档 hold its data and no officer's word or name.
    const confirm = await openTask(cast.enterprise.api, cast.creditCode, 'ENTERPRISE_CONFIRM');
    // Its task's 编号 is no officer's word: the enterprise reads it as the sheet prints it.
    expect(confirm.sheetNoText).toMatch(/^渝硬科审〔\d{4}〕\d+号$/);
    const own = await expectOk(cast.enterprise.api.get(`/api/tasks/${confirm.id}`));
    expect(own.sheetNoText).toBe(confirm.sheetNoText);
    for (const path of [
      `/api/tasks/${confirm.id}/approval-sheet.pdf`,
      `/api/enterprises/${cast.creditCode}/dossier.pdf`,
    ]) {
      const pdf = await getPdf(cast.enterprise.api, path);
      expect([path, pdf.status]).toEqual([path, 200]);
      expect(pdf.text).toContain(squeezed(file.enterprise.name));
      expect(pdf.text).toContain(cast.creditCode);
      for (const secret of [SCREEN_NOTE, FEEDBACK_OPINION, JUDGMENTS.C2.note, coordinatorName]) {
        expect([path, pdf.text.includes(squeezed(secret))]).toEqual([path, false]);
      }
      expect(pdf.text).not.toContain(cast.districtOfficer.username);
    }
    const dossier = await getPdf(coordinator.api, `/api/enterprises/${cast.creditCode}/dossier.pdf`);
    expect(dossier.text).toContain('一企一档');
    expect(dossier.text).toContain(FEEDBACK_OPINION);
    expect(dossier.text).toContain(coordinatorName);

    // The coordinator's case file of the same task holds both opinions, oldest first.
    const task = await openTask(cast.enterprise.api, cast.creditCode, 'ENTERPRISE_CONFIRM');
    const seen = (await expectOk(coordinator.api.get(`/api/tasks/${task.id}`))).caseFile;
    expect(seen.opinions.map((o: { opinion: string }) => o.opinion)).toEqual([
      expect.stringContaining(SCREEN_NOTE),
      FEEDBACK_OPINION,
    ]);
    expect(seen.opinions[1]).toMatchObject({
      actor: cast.districtOfficer.username,
      actorDepartment: { zh: '渝北区经信部门' },
    });
  });
});
