import type { Actor } from '@hardtech/domain';
import type { TaskEntity } from '@hardtech/persistence';
import { ApprovalActionsService } from './approval-actions.service';

// The 撤回 button's check on a task's page: the workflow's answer when it gives one, else the
// page reads the task all the same (a workflow that cannot be asked is no reason to fail it).
const ACTOR: Actor = { username: 'district-1', role: 'district_officer', scope: { districts: ['500112'] } };
const TASK = {
  id: 't-1',
  creditCode: '91500112MA000000XX',
  lifecycleNo: 1,
  type: 'DISTRICT_FEEDBACK',
  status: 'done',
  completedBy: 'district-1',
  result: { nextTasks: [] },
} as unknown as TaskEntity;

function service(answer: () => Promise<unknown>) {
  const lifecycles = { withdrawalRefusal: answer };
  const enterprises = { findRow: async () => ({ lifecycleNo: 1, stage: 'feedback' }) };
  return new ApprovalActionsService(
    lifecycles as never,
    { commentsOf: async () => [] } as never,
    enterprises as never,
    {} as never,
    {} as never,
    {} as never,
    {} as never,
  );
}

describe('whether 撤回 would be refused, for the button', () => {
  it("gives the workflow's answer", async () => {
    const refusal = { code: 'WITHDRAW_TOO_LATE', message: { zh: '下一环节已办理', en: 'too late' } };
    expect(await service(async () => refusal).withdrawalRefusal(ACTOR, TASK)).toEqual(refusal);
  });

  it('offers the button when the workflow cannot be asked, within two seconds', async () => {
    const started = Date.now();
    expect(await service(() => new Promise(() => undefined)).withdrawalRefusal(ACTOR, TASK)).toBeNull();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(
      await service(async () => {
        throw new Error('14 UNAVAILABLE: connection refused');
      }).withdrawalRefusal(ACTOR, TASK),
    ).toBeNull();
  });
});
