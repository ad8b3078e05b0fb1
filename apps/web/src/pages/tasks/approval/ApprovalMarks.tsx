import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskItem } from '../taskTypes';

/** The inbox's marks of a task sent back (退回) or waiting for countersignatures (会签中). */
export function ApprovalMarks({ task }: { task: Pick<TaskItem, 'returned' | 'countersignPending'> }) {
  const { t } = useTranslation('task');
  return (
    <>
      {task.returned && (
        <Tag color="orange" data-testid="mark-returned" title={task.returned.reason}>
          {t('approval.returnedMark')}
        </Tag>
      )}
      {task.countersignPending && (
        <Tag color="purple" data-testid="mark-countersign">
          {t('approval.countersignMark')}
        </Tag>
      )}
    </>
  );
}
