import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { Cast, Member } from '../support/cast';
import { closeDb } from '../support/db';
import { exportHistory, patchMarkersOf } from '../support/export-history';
import { complete, expectOk, JUDGMENTS, openTask } from '../support/lifecycle';
import { coordinatorDesk, districtDesk, nameProxy } from '../support/proxy-desk';
import { closeTemporal } from '../support/temporal';
import { PROXY_RETURN_PATCH } from '../../workflows/lifecycle/approval-actions';

// 委托代理 beyond the single actions: who holds a step sent back after a proxy did it, a bulk 转办
// for the principal, and the proxy as a 转办 target. District 500156 / cluster F6 (the coordinators
// and district officers of this file are its own).
const DISTRICT = '500156';
const CLUSTER = 'F6';

describe('委托代理: 退回 after a proxy, bulk 转办, the proxy as a 转办 target', () => {
  afterAll(() => Promise.all([closeTemporal(), closeDb()]));

  const history = async (c: Cast): Promise<any[]> =>
    expectOk(c.auditor.api.get(`/api/enterprises/${c.creditCode}/history`));

  describe('退回 to a step a proxy completed', () => {
    let c: Cast;
    let standIn: Member;
    let screenId: string;

    beforeAll(async () => {
      ({ c, standIn, taskId: screenId } = await coordinatorDesk(DISTRICT, CLUSTER, 'SCREEN'));
      await nameProxy(c.coordinator, standIn);
    });

    it('reopens it held by the principal, whom the proxy still stands in for', async () => {
      const pass = { outcome: 'pass', data: { judgments: JUDGMENTS } };
      await expectOk(standIn.api.post(`/api/tasks/${screenId}/complete`, pass));
      await expectOk(
        complete(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
      );
      await expectOk(complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
      const admit = await openTask(c.coordinator.api, c.creditCode, 'ADMIT');
      await expectOk(c.coordinator.api.post(`/api/tasks/${admit.id}/return`, { reason: '请补充研发投入' }));

      // A new SCREEN task, the returned one closed.
      screenId = (await openTask(c.coordinator.api, c.creditCode, 'SCREEN')).id;
      const reopened = await expectOk(c.coordinator.api.get(`/api/tasks/${screenId}`));
      expect(reopened).toMatchObject({ status: 'open', returned: { reason: '请补充研发投入' } });
      expect(reopened.assignee).toBe(c.coordinator.username);
      // The proxy sees it as any personal task of the principal: for them.
      const seen = await expectOk(standIn.api.get(`/api/tasks/${screenId}`));
      expect(seen.actingFor).toMatchObject({ username: c.coordinator.username });
      expect(seen.actions).toMatchObject({ complete: true, delegate: true });
    });

    it('the proxy completes it again for the principal, withdraws and redoes it', async () => {
      const pass = { outcome: 'pass', data: { judgments: JUDGMENTS } };
      await expectOk(standIn.api.post(`/api/tasks/${screenId}/complete`, pass));
      const done = await expectOk(c.coordinator.api.get(`/api/tasks/${screenId}`));
      await expectOk(standIn.api.post(`/api/tasks/${screenId}/withdraw`));
      expect(done).toMatchObject({ completedBy: standIn.username, onBehalfOf: c.coordinator.username });
      await expectOk(standIn.api.post(`/api/tasks/${screenId}/complete`, pass));
      expect((await expectOk(c.coordinator.api.get(`/api/tasks/${screenId}`))).status).toBe('done');
    });

    // An artifact for test/replay: a proxy's completion, a return to it and a withdrawal.
    it('exports its history for the replay tests', () => {
      if (!process.env.TEMPORAL_CLI) return;
      const json = exportHistory(lifecycleWorkflowId(c.creditCode), 'proxy-return.json')!;
      const names = JSON.parse(json.toString()).events.map(
        (e: any) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name,
      );
      expect(names).toEqual(expect.arrayContaining(['completeTask', 'returnTask', 'withdrawTask']));
      // The patch's marker, once: asked at the proxy's completions of SCREEN.
      expect(patchMarkersOf(json).filter((p: string) => p.includes(PROXY_RETURN_PATCH))).toHaveLength(1);
    });
  });

  describe('a district officer’s proxy hands the principal’s tasks on', () => {
    let c: Cast;
    let standIn: Member;
    let colleague: Member;
    let feedbackId: string;

    beforeAll(async () => {
      ({ c, standIn, colleague, taskId: feedbackId } = await districtDesk(DISTRICT, CLUSTER));
      await nameProxy(c.districtOfficer, standIn);
    });

    it('bulk 转办 acts for the principal as the single one does: 代 X in the history', async () => {
      const answer = await expectOk(
        standIn.api.post('/api/tasks/bulk', {
          action: 'reassign',
          taskIds: [feedbackId],
          to: colleague.username,
          reason: '休假期间',
        }),
      );
      expect(answer).toMatchObject({ succeeded: 1, failed: 0 });
      expect((await expectOk(c.districtOfficer.api.get(`/api/tasks/${feedbackId}`))).assignee).toBe(
        colleague.username,
      );
      const entry = (await history(c)).filter((e) => e.action === 'task.delegated').at(-1);
      expect(entry).toMatchObject({
        actor: standIn.username,
        data: {
          to: colleague.username,
          reason: '休假期间',
          onBehalfOf: c.districtOfficer.username,
          byline: { zh: '钱七（代 区县 孙八）' },
        },
      });
      // Back to the principal for the next case.
      await expectOk(
        colleague.api.post(`/api/tasks/${feedbackId}/delegate`, { to: c.districtOfficer.username }),
      );
    });

    it('offers the proxy itself among the 转办 candidates, for the principal, and hands it over', async () => {
      const mine = await expectOk(standIn.api.get(`/api/tasks/${feedbackId}/candidates`));
      expect(mine.find((u: any) => u.username === standIn.username)).toMatchObject({
        self: true,
        onBehalfOf: { username: c.districtOfficer.username, displayName: '区县 孙八' },
      });
      expect(mine.find((u: any) => u.username === c.districtOfficer.username)).toMatchObject({
        self: false,
        assignee: true,
        onBehalfOf: null,
      });
      // Nobody else is offered 代: the colleague reads itself as itself.
      const theirs = await expectOk(colleague.api.get(`/api/tasks/${feedbackId}/candidates`));
      expect(theirs.find((u: any) => u.username === colleague.username)).toMatchObject({
        self: true,
        onBehalfOf: null,
      });

      await expectOk(standIn.api.post(`/api/tasks/${feedbackId}/delegate`, { to: standIn.username }));
      expect((await expectOk(standIn.api.get(`/api/tasks/${feedbackId}`))).assignee).toBe(standIn.username);
      const entry = (await history(c)).filter((e) => e.action === 'task.delegated').at(-1);
      expect(entry).toMatchObject({
        actor: standIn.username,
        data: { to: standIn.username, onBehalfOf: c.districtOfficer.username },
      });
    });
  });
});
