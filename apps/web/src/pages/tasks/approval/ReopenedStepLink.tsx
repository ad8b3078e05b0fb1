import { stepActions } from '@hardtech/domain/approval-actions/allowed';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../../api/reference';
import { useLocalText } from '../../../i18n';
import type { CompleteResult, TaskDetail } from '../taskTypes';
import { useMessage } from '../../../components/controlLabels';

/** The key of the 已退回 message, which carries this link: either link taken, it has said its part. */
export const RETURNED_MESSAGE = 'task-returned';

/** The step a 退回 reopened, as its answer (`nextTasks`) names it. */
export type ReopenedStep = Pick<CompleteResult['nextTasks'][number], 'id' | 'type'>;

/** Of the tasks a 退回 opened, the step it sent the task back to (STEP_ACTIONS' `return`). */
export function reopenedStep(type: TaskDetail['type'], opened: readonly ReopenedStep[]): ReopenedStep | null {
  const back = stepActions(type).return;
  return opened.find((task) => task.type === back) ?? null;
}

/**
 * 前往「市级筛选」: a link to the reopened step. Its own navigation (`onOpen`) where it renders
 * outside the router (a message); a plain link opened in a new tab still works.
 */
export function ReopenedStepLink({ step, onOpen }: { step: ReopenedStep; onOpen(to: string): void }) {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const reference = useReference();
  const message = useMessage();
  const to = `/tasks/${step.id}`;
  const open = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    message.destroy(RETURNED_MESSAGE);
    onOpen(to);
  };
  return (
    <a href={to} onClick={open} data-testid="reopened-step">
      {t('approval.reopenedLink', { step: text(reference?.taskTypes[step.type]) || step.type })}
    </a>
  );
}
