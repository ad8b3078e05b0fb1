import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

// 二(六) timeliness: officers act on what is late first, then on what falls due within two days.
const DUE_SOON_HOURS = 48;

export function dueState(dueAt: string, overdue: boolean, now = dayjs()): 'overdue' | 'soon' | 'ok' {
  if (overdue || dayjs(dueAt).isBefore(now)) return 'overdue';
  return dayjs(dueAt).diff(now, 'hour') < DUE_SOON_HOURS ? 'soon' : 'ok';
}

/**
 * The due date, red when overdue and orange when due soon; 暂定 when it counts working days into a
 * year whose holiday schedule is not entered yet (recomputed once it is, issue 19.5).
 */
export function DueTag({
  dueAt,
  overdue,
  open = true,
  provisional = false,
}: {
  dueAt: string;
  overdue: boolean;
  open?: boolean;
  provisional?: boolean;
}) {
  const { t } = useTranslation('task');
  const state = open ? dueState(dueAt, overdue) : 'ok';
  const date = dayjs(dueAt).format('YYYY-MM-DD HH:mm');
  const mark = provisional && open && (
    <Tooltip title={t('due.provisionalHint')}>
      <Tag color="gold" data-testid="due-provisional">
        {t('due.provisional')}
      </Tag>
    </Tooltip>
  );
  if (state === 'ok')
    return (
      <span>
        {date} {mark}
      </span>
    );
  return (
    <span>
      <Tag color={state === 'overdue' ? 'red' : 'orange'} data-testid={`due-${state}`}>
        {t(`due.${state}`)} {date}
      </Tag>
      {mark}
    </span>
  );
}
