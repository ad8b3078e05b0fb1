import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Text } from '../../api/types';
import { useGet } from '../../api/useApi';
import { useLocalText } from '../../i18n';
import type { InboxFilter } from './inboxFilter';

/**
 * Above the overdue tasks in scope (view all, as the dashboard's overdue bars open it): how many wait
 * on each district and department (GET /api/tasks/overdue/summary), each a tag that narrows the list
 * to it or, chosen again, widens it back.
 */
export function OverdueBreakdown({
  filter,
  onChange,
}: {
  filter: InboxFilter;
  onChange: (next: InboxFilter) => void;
}) {
  const { t } = useTranslation('inbox');
  const local = useLocalText();
  const summary = useGet('/tasks/overdue/summary').data;
  if (!summary?.total) return null;
  /** One row of tags: a district's or a department's count, chosen when the filter names it. */
  const row = (
    title: string,
    filterKey: 'district' | 'department',
    counts: { key: string; label: Text; count: number }[],
  ) => (
    <Space wrap size={[6, 6]}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      {counts.map(({ key, label, count }) => (
        <Tag.CheckableTag
          key={key}
          checked={filter[filterKey] === key}
          onChange={() => onChange({ ...filter, [filterKey]: filter[filterKey] === key ? undefined : key })}
          data-testid={`overdue-${key}`}
        >
          {local(label)} {count}
        </Tag.CheckableTag>
      ))}
    </Space>
  );
  return (
    <div data-testid="overdue-breakdown" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      {row(
        t('overdueBreakdown.byDistrict'),
        'district',
        summary.byDistrict.map((d) => ({ key: d.district, label: d.label, count: d.count })),
      )}
      {row(
        t('overdueBreakdown.byDepartment'),
        'department',
        summary.byDepartment.map((d) => ({ key: d.department, label: d.label, count: d.count })),
      )}
    </div>
  );
}
