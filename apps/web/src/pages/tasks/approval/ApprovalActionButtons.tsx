import type { ReactElement } from 'react';
import type { TaskDetail } from '../taskTypes';
import { CountersignButton } from './CountersignButton';
import type { ReopenedStep } from './ReopenedStepLink';
import { ReturnButton } from './ReturnButton';
import { WithdrawButton } from './WithdrawButton';

/**
 * The task page's 退回, 撤回, 加签 buttons, each where the server says the caller may (`approvalActions`).
 * A list, not a component: each button is an item of the page's button row (a `Space`), which spaces
 * its items; one component's buttons were one item, 加签 and 退回 touching (the walk, 390 px).
 */
export function approvalActionButtons({
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
}): ReactElement[] {
  const can = task.approvalActions;
  if (!can) return [];
  const actingFor = task.actingFor?.displayName;
  const buttons: ReactElement[] = [];
  if (can.countersign)
    buttons.push(
      <CountersignButton
        key="countersign"
        taskId={task.id}
        onDone={onChange}
        actingFor={actingFor}
        countersigns={task.countersigns}
      />,
    );
  if (can.return)
    buttons.push(
      <ReturnButton
        key="return"
        taskId={task.id}
        taskType={task.type}
        onDone={onChange}
        onReturned={onReturned}
        actingFor={actingFor}
      />,
    );
  if (!withdrawElsewhere && (can.withdraw || task.withdrawBlocked))
    buttons.push(
      <WithdrawButton key="withdraw" taskId={task.id} blocked={task.withdrawBlocked} onDone={onChange} />,
    );
  return buttons;
}
