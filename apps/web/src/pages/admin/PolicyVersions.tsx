import { Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NameWithAccountTip } from '../../components/PersonName';
import { formatDateTime } from '../../components/time';
import type { PolicyVersion } from './operations';

/** Every saved policy, newest first: tasks keep the version they were created under. */
export function PolicyVersions({ versions, active }: { versions: Loaded<PolicyVersion[]>; active?: number }) {
  const { t } = useTranslation('admin');
  return (
    <Card title={t('policy.versions')} size="small" data-testid="policy-versions">
      <ErrorAlert error={versions.error} />
      <List
        size="small"
        loading={versions.loading}
        dataSource={versions.data ?? []}
        style={{ maxHeight: 320, overflow: 'auto' }}
        renderItem={(v) => (
          <List.Item>
            <span>
              {t('policy.versionNo', { n: v.version })}
              {v.version === active && (
                <Tag color="green" style={{ marginLeft: 8 }}>
                  {t('policy.active')}
                </Tag>
              )}
            </span>
            <span style={{ color: 'rgba(0,0,0,0.45)' }}>
              <NameWithAccountTip username={v.createdBy} name={null} /> · {formatDateTime(v.createdAt)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
