import { Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A desk's title with 已超期 N 件 beside it while any task is overdue: the officers' inbox and an
 * enterprise's own steps alike.
 */
export function InboxTitle({ title, overdue }: { title: ReactNode; overdue: number | undefined }) {
  const { t } = useTranslation('inbox');
  return (
    <Space wrap>
      {title}
      {!!overdue && (
        <Tag color="red" data-testid="overdue-count">
          {t('overdueCount', { count: overdue })}
        </Tag>
      )}
    </Space>
  );
}
