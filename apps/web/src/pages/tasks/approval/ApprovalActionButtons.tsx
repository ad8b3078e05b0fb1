import type { TaskDetail } from '../taskTypes';
import { CountersignButton } from './CountersignButton';
import type { ReopenedStep } from './ReopenedStepLink';
import { ReturnButton } from './ReturnButton';
import { WithdrawButton } from './WithdrawButton';

/** The task page's 退回, 撤回, 加签 buttons, each where the server says the caller may (`approvalActions`). */
export function ApprovalActionButtons({
  task,
  onChange,
  onReturned,
  withdrawElsewhere,
}: {
  task: TaskDetail;
  onChange(): void;
  /** The page offers 撤回 where the officer looks after sending (办理完成): not here a second time. */
  withdrawElsewhere?: boolean;
  /** 退回 done: the step it reopened, for the page to link to. */
  onReturned?(step: ReopenedStep | null): void;
}) {
  const can = task.approvalActions;
  if (!can) return null;
  const actingFor = task.actingFor?.displayName;
  return (
    <>
      {can.countersign && (
        <CountersignButton
          taskId={task.id}
          onDone={onChange}
          actingFor={actingFor}
          countersigns={task.countersigns}
        />
      )}
      {can.return && (
        <ReturnButton
          taskId={task.id}
          taskType={task.type}
          onDone={onChange}
          onReturned={onReturned}
          actingFor={actingFor}
        />
      )}
      {!withdrawElsewhere && (can.withdraw || task.withdrawBlocked) && (
        <WithdrawButton taskId={task.id} blocked={task.withdrawBlocked} onDone={onChange} />
      )}
    </>
  );
}
