import { Button, Card, Tag, Typography } from 'antd';
import { clusterDivision } from '@hardtech/domain/divisions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetReference } from '../../api/reference';
import type { Cluster, Reference } from '../../api/types';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useLocalText } from '../../i18n';
import { DivisionModal } from './DivisionModal';

/**
 * 产业集群: the "33618" taxonomy with the 行业处室 that leads each cluster (三(一) 各行业处室牵头),
 * which the system administrator names; an industry-owned problem shows it as its 责任部门.
 */
export function ClustersPage() {
  const { t } = useTranslation('admin');
  const local = useLocalText();
  // Read here afresh, not from the page-load cache, which a save then forgets for the other pages.
  const { data, error, reload } = useApi<Reference>('/reference');
  const [editing, setEditing] = useState<Cluster | null>(null);
  const closed = (saved: boolean) => {
    setEditing(null);
    if (!saved) return;
    forgetReference();
    reload();
  };
  return (
    <Card title={t('clusters.title')} data-testid="clusters">
      <Typography.Paragraph type="secondary">{t('clusters.hint')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <ResponsiveTable<Cluster>
        size="small"
        rowKey="code"
        pagination={false}
        loading={!data && !error}
        dataSource={data?.clusters ?? []}
        columns={[
          { title: t('clusters.code'), dataIndex: 'code', width: 80 },
          {
            title: t('clusters.cluster'),
            key: 'name',
            render: (_, c) => (
              <>
                {local({ zh: c.name, en: c.en })}
                {!c.active && <Tag style={{ marginInlineStart: 8 }}>{t('clusters.inactive')}</Tag>}
              </>
            ),
          },
          {
            title: t('clusters.division'),
            key: 'division',
            render: (_, c) => (
              <span data-testid={`division-${c.code}`}>
                {local(clusterDivision(c, c.code))}
                {!c.divisionName && (
                  <Tag color="default" style={{ marginInlineStart: 8 }}>
                    {t('clusters.unset')}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            title: t('clusters.actions'),
            key: 'actions',
            width: 90,
            render: (_, c) => (
              <Button size="small" onClick={() => setEditing(c)} data-testid={`edit-${c.code}`}>
                {t('clusters.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <DivisionModal cluster={editing} onClose={closed} />}
    </Card>
  );
}
