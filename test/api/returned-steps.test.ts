import { Cast, createCast, createUser, Member } from '../support/cast';
import { closeDb } from '../support/db';
import { driveToSupporting, reportQuarter } from '../support/drive';
import { complete, expectOk, openTask, quarterlyReport } from '../support/lifecycle';
import { getPdf } from '../support/pdf';
import { closeTemporal } from '../support/temporal';

// A 退回 closes the step it sends back as `cancelled` with the outcome `returned`. Officers read it
// as 已退回 by the officer who sent it back, among what that officer has done (已办); the
// enterprise's step it reopens is the enterprise's to redo, which nobody claims or releases.
jest.setTimeout(240_000);

describe('a quarterly review sent back (退回) to the enterprise', () => {
  let cast: Cast;
  let colleague: Member;
  let reviewId: string;
  let reportId: string;

  beforeAll(async () => {
    cast = await createCast();
    colleague = await createUser('enterprise_user', { creditCodes: [cast.creditCode] });
    await driveToSupporting(cast);
    await reportQuarter(cast, '2026Q3');
    reviewId = (await openTask(cast.industry.api, cast.creditCode, 'QUARTERLY_REVIEW')).id;
    await expectOk(cast.industry.api.post(`/api/tasks/${reviewId}/return`, { reason: '营收数据不全' }));
    reportId = (await openTask(cast.enterprise.api, cast.creditCode, 'QUARTERLY_REPORT')).id;
  });

  afterAll(async () => {
    await closeTemporal();
    await closeDb();
  });

  it('is listed under 已办 (status=done) of the officer who sent it back, not under cancelled', async () => {
    const list = async (status: string) =>
      (
        await expectOk(
          cast.industry.api.get(`/api/tasks?view=mine&status=${status}&creditCode=${cast.creditCode}`),
        )
      ).items.map((t: { id: string }) => t.id);
    expect(await list('done')).toContain(reviewId);
    expect(await list('cancelled')).not.toContain(reviewId);
  });

  it('prints 已退回 on its 审批单 with who sent it back, and the timeline does not call it 已取消', async () => {
    const review = await expectOk(cast.industry.api.get(`/api/tasks/${reviewId}`));
    expect([review.status, review.outcome, review.completedBy]).toEqual([
      'cancelled',
      'returned',
      cast.industry.username,
    ]);
    const pdf = await getPdf(cast.industry.api, `/api/tasks/${reviewId}/approval-sheet.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.text).toContain('状态已退回');
    expect(pdf.text).not.toContain('已取消');
    const history = await expectOk(cast.coordinator.api.get(`/api/enterprises/${cast.creditCode}/history`));
    const ofReview = history.filter((e: { data: { taskId?: string } }) => e.data.taskId === reviewId);
    expect(ofReview.map((e: { action: string }) => e.action)).toContain('task.returned');
    expect(ofReview.map((e: { action: string }) => e.action)).not.toContain('task.cancelled');
  });

  it('reopens the report held by its author, which the enterprise may not release (403) and nothing changes', async () => {
    const before = await expectOk(cast.enterprise.api.get(`/api/tasks/${reportId}`));
    expect(before.actions).toMatchObject({ complete: true, claim: false, unclaim: false, delegate: false });
    for (const member of [cast.enterprise, colleague]) {
      const r = await member.api.post(`/api/tasks/${reportId}/unclaim`);
      expect([r.status, r.body.code]).toEqual([403, 'ENTERPRISE_DOES_NOT_ASSIGN']);
    }
    const r = await cast.coordinator.api.post(`/api/tasks/${reportId}/unclaim`);
    expect([r.status, r.body.code]).toEqual([403, 'ENTERPRISE_DOES_NOT_ASSIGN']);
    const after = await expectOk(cast.enterprise.api.get(`/api/tasks/${reportId}`));
    expect([after.status, after.assignee]).toEqual(['open', before.assignee]);
  });

  it('lets another user of the enterprise redo it: the step is the enterprise’s, not its author’s', async () => {
    await expectOk(
      complete(colleague.api, cast.creditCode, 'QUARTERLY_REPORT', 'submit', quarterlyReport('2026Q3')),
    );
    expect((await expectOk(cast.enterprise.api.get(`/api/tasks/${reportId}`))).status).toBe('done');
  });
});
