import { Button, Card, Space, Tag, Typography } from 'antd';
import { Popconfirm } from '../../components/controlLabels';
import type { ButtonProps } from 'antd';
import { byTier, CLUSTER_TIER_LABELS, type ClusterTier } from '@hardtech/domain/cluster-taxonomy';
import { clusterDivision } from '@hardtech/domain/divisions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { forgetReference } from '../../api/reference';
import type { Cluster, Reference } from '../../api/types';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useLocalText } from '../../i18n';
import { ClusterModal } from './ClusterModal';
import { DivisionModal } from './DivisionModal';

type Dialog = { kind: 'add' } | { kind: 'rename' | 'division'; cluster: Cluster } | null;

/**
 * 产业集群: the editable "33618" taxonomy. The system administrator adds the 新星 clusters, renames
 * and retires clusters (a retired one takes no new enterprise and stays named where it is used),
 * and names the 行业处室 that leads each (三(一) 各行业处室牵头).
 */
export function ClustersPage() {
  const { t } = useTranslation('admin');
  const local = useLocalText();
  // Read here afresh, not from the page-load cache, which a save then forgets for the other pages.
  const { data, error, reload } = useApi<Reference>('/reference');
  const [dialog, setDialog] = useState<Dialog>(null);
  const changed = () => {
    forgetReference();
    reload();
  };
  const closed = (saved: boolean) => {
    setDialog(null);
    if (saved) changed();
  };
  const retire = useAction((c: Cluster) =>
    api<Cluster>(`/admin/clusters/${c.code}/retire`, { method: 'POST' }),
  );
  return (
    <Card
      title={t('clusters.title')}
      data-testid="clusters"
      extra={
        <Button type="primary" onClick={() => setDialog({ kind: 'add' })} data-testid="cluster-add">
          {t('clusters.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('clusters.hint')}</Typography.Paragraph>
      <ErrorAlert error={error ?? retire.error} />
      <ResponsiveTable<Cluster>
        size="small"
        rowKey="code"
        pagination={false}
        loading={!data && !error}
        dataSource={[...(data?.clusters ?? [])].sort(byTier)}
        columns={[
          { title: t('clusters.code'), dataIndex: 'code', width: 90 },
          {
            title: t('clusters.tier'),
            key: 'tier',
            render: (_, c) => local(CLUSTER_TIER_LABELS[c.tier as ClusterTier] ?? { zh: c.tier, en: c.tier }),
          },
          {
            title: t('clusters.cluster'),
            key: 'name',
            render: (_, c) => (
              <span data-testid={`name-${c.code}`}>
                {local({ zh: c.name, en: c.en })}
                {/* The other language's name beneath: the administrator keeps both. */}
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {local({ zh: c.en, en: c.name })}
                </Typography.Text>
              </span>
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
            title: t('clusters.state'),
            key: 'state',
            render: (_, c) => (
              <Tag color={c.active ? 'green' : 'default'} data-testid={`state-${c.code}`}>
                {c.active ? t('clusters.active') : t('clusters.inactive')}
              </Tag>
            ),
          },
          {
            title: t('clusters.actions'),
            key: 'actions',
            width: 220,
            render: (_, c) => (
              <Space size={4}>
                <Button
                  size="small"
                  onClick={() => setDialog({ kind: 'rename', cluster: c })}
                  data-testid={`rename-${c.code}`}
                >
                  {t('clusters.rename')}
                </Button>
                <Button
                  size="small"
                  onClick={() => setDialog({ kind: 'division', cluster: c })}
                  data-testid={`edit-${c.code}`}
                >
                  {t('clusters.edit')}
                </Button>
                {c.active && (
                  <Popconfirm
                    title={t('clusters.retireConfirm', {
                      cluster: `${c.code} ${local({ zh: c.name, en: c.en })}`,
                    })}
                    description={t('clusters.retireHint')}
                    okText={t('clusters.retire')}
                    okButtonProps={{ danger: true, 'data-testid': 'retire-confirm' } as ButtonProps}
                    onConfirm={async () => (await retire.run(c)) && changed()}
                  >
                    <Button size="small" danger data-testid={`retire-${c.code}`}>
                      {t('clusters.retire')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'add' && <ClusterModal onClose={closed} />}
      {dialog?.kind === 'rename' && <ClusterModal cluster={dialog.cluster} onClose={closed} />}
      {dialog?.kind === 'division' && <DivisionModal cluster={dialog.cluster} onClose={closed} />}
    </Card>
  );
}
