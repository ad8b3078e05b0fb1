import type { TaskDepartment } from '@hardtech/domain/departments';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
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
  const row = (
    title: string,
    tags: { key: string; label: string; count: number; chosen: boolean; pick: () => void }[],
  ) => (
    <Space wrap size={[6, 6]}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      {tags.map((tag) => (
        <Tag.CheckableTag
          key={tag.key}
          checked={tag.chosen}
          onChange={tag.pick}
          data-testid={`overdue-${tag.key}`}
        >
          {tag.label} {tag.count}
        </Tag.CheckableTag>
      ))}
    </Space>
  );
  return (
    <div data-testid="overdue-breakdown" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      {row(
        t('overdueBreakdown.byDistrict'),
        summary.byDistrict.map((d) => ({
          key: d.district,
          label: local(d.label),
          count: d.count,
          chosen: filter.district === d.district,
          pick: () =>
            onChange({ ...filter, district: filter.district === d.district ? undefined : d.district }),
        })),
      )}
      {row(
        t('overdueBreakdown.byDepartment'),
        summary.byDepartment.map((d) => ({
          key: d.department,
          label: local(d.label),
          count: d.count,
          chosen: filter.department === d.department,
          pick: () =>
            onChange({
              ...filter,
              department: filter.department === d.department ? undefined : (d.department as TaskDepartment),
            }),
        })),
      )}
    </div>
  );
}
