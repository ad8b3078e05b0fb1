import { Tag, Tooltip } from 'antd';
import { overdueFor as overdueSince } from '@hardtech/domain/overdue';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dateTimeText } from '../../format';

// 二(六) timeliness: officers act on what is late first, then on what falls due within two days.
const DUE_SOON_HOURS = 48;

export function dueState(dueAt: string, overdue: boolean, now = dayjs()): 'overdue' | 'soon' | 'ok' {
  if (overdue || dayjs(dueAt).isBefore(now)) return 'overdue';
  return dayjs(dueAt).diff(now, 'hour') < DUE_SOON_HOURS ? 'soon' : 'ok';
}

/** How long past due: whole days, or hours within the first day; null before its first hour. */
export function overdueFor(dueAt: string, now = dayjs()): { unit: 'day' | 'hour'; n: number } | null {
  return overdueSince(dueAt, now.toDate());
}

/**
 * The due date, red when overdue (with how long: 已超期 3 天, as an officer weighs what to chase first) and orange when due soon; 暂定 when it falls in a year whose
 * holiday schedule is not entered yet, counted in working days or ending on a day that may be a
 * holiday (recomputed once it is, issue 19.5; docs/design.md 2.5).
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
  const date = dateTimeText(dueAt);
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
  const late = state === 'overdue' ? overdueFor(dueAt) : null;
  return (
    <span>
      <Tag color={state === 'overdue' ? 'red' : 'orange'} data-testid={`due-${state}`}>
        {late ? t(`due.overdueBy.${late.unit}`, { n: late.n }) : t(`due.${state}`)} {date}
      </Tag>
      {mark}
    </span>
  );
}
