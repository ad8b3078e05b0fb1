import { Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NameWithAccountTip } from '../../components/PersonName';
import { dateTimeSecondsText } from '../../format';
import { useLocalText } from '../../i18n';
import type { PolicyVersion } from './operations';

/**
 * Every saved policy, newest first: tasks keep the version they were created under. Who published
 * each is named as people are elsewhere (name · department, the account as the tooltip; 系统 for
 * the installed first version).
 */
export function PolicyVersions({ versions, active }: { versions: Loaded<PolicyVersion[]>; active?: number }) {
  const { t } = useTranslation('admin');
  const local = useLocalText();
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
              <NameWithAccountTip
                username={v.createdBy}
                name={v.createdByName}
                testId="policy-published-by"
              />
              {v.createdByDepartment && ` · ${local(v.createdByDepartment)}`} ·{' '}
              {dateTimeSecondsText(v.createdAt)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
