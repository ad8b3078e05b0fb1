import { Descriptions, Space, Tag } from 'antd';
import { ENDING_REASONS } from '@hardtech/domain/tasks/forms';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { useOptionLabel } from '../../i18n';
import { useReferenceNames } from '../../api/referenceNames';
import { NameWithAccountTip } from '../../components/PersonName';
import { StageTag } from './StageTag';
import type { EnterpriseDetail } from './types';

const person = (username: string | null, name: string | null | undefined) =>
  username ? <NameWithAccountTip username={username} name={name} /> : '—';

export function EnterpriseFacts({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation('enterprise');
  const names = useReferenceNames();
  const format = useFormat();
  const option = useOptionLabel();
  return (
    <Descriptions
      data-testid="facts"
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { label: t('fields.stage'), children: <StageTag stage={e.stage} testId="stage" /> },
        { label: t('fields.creditCode'), children: e.creditCode },
        // 第 1 轮, not a bare 1 (ui-walk-7): the round of nomination this page is of.
        { label: t('fields.lifecycleNo'), children: t('fields.lifecycleNoValue', { n: e.lifecycleNo }) },
        { label: t('fields.district'), children: names.district(e.district) },
        { label: t('fields.cluster'), children: names.cluster(e.cluster) },
        { label: t('fields.leadCluster'), children: e.leadCluster ? names.cluster(e.leadCluster) : '—' },
        { label: t('fields.revenuePrevYear'), children: format.yuan(e.nomination?.revenuePrevYear) || '—' },
        { label: t('fields.baselineRevenue'), children: format.yuan(e.baselineRevenue) || '—' },
        // People by name, the account as the tooltip (an enterprise has no use for a login name).
        { label: t('fields.commissioner'), children: person(e.commissioner, e.commissionerName) },
        { label: t('fields.districtLiaison'), children: person(e.districtLiaison, e.districtLiaisonName) },
        { label: t('fields.nominatedBy'), children: person(e.nominatedBy, e.nominatedByName) },
        // As 政策参数 names a version (第 1 版), not a bare 1 nor the screening's v1 of before.
        {
          label: t('fields.policyVersion'),
          children: e.policyVersion ? t('fields.policyVersionNo', { n: e.policyVersion }) : '—',
        },
        {
          label: t('fields.membership'),
          span: 'filled',
          children: e.membership.length ? (
            <Space wrap>
              {e.membership.map((m) => (
                <Tag key={`${m.lifecycleNo}-${m.from}`} color={m.to ? 'default' : 'green'}>
                  {t('membership.period', { from: m.from, to: m.to ?? t('membership.now') })}
                  {m.reason ? ` · ${option(ENDING_REASONS, m.reason) || m.reason}` : ''}
                </Tag>
              ))}
            </Space>
          ) : (
            t('membership.none')
          ),
        },
      ]}
    />
  );
}
