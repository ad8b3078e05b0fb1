import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { StageTag } from './StageTag';
import type { Lifecycle } from './types';
import { NameWithAccountTip } from '../../components/PersonName';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** Every lifecycle of the credit code: a rejected or exited enterprise may be nominated again. */
export function Lifecycles({ lifecycles }: { lifecycles: Lifecycle[] }) {
  const { t } = useTranslation('enterprise');
  const format = useFormat();
  return (
    <ResponsiveTable<Lifecycle>
      data-testid="lifecycles"
      rowKey="lifecycleNo"
      size="small"
      pagination={false}
      dataSource={lifecycles}
      columns={[
        // As the facts name the current one: 第 2 轮 / Round 2, not a bare 2.
        {
          title: t('lifecycles.no'),
          dataIndex: 'lifecycleNo',
          width: 96,
          render: (n: number) => t('fields.lifecycleNoValue', { n }),
        },
        { title: t('lifecycles.startedAt'), dataIndex: 'startedAt', render: format.dateTime },
        { title: t('lifecycles.endedAt'), dataIndex: 'endedAt', render: (v) => format.dateTime(v) || '—' },
        {
          title: t('lifecycles.finalStage'),
          dataIndex: 'finalStage',
          render: (stage) => (stage ? <StageTag stage={stage} /> : t('lifecycles.active')),
        },
        { title: t('lifecycles.reason'), dataIndex: 'reason', render: (v) => v ?? '—' },
        {
          title: t('fields.nominatedBy'),
          dataIndex: 'nominatedBy',
          render: (username: string, l) => (
            <NameWithAccountTip username={username} name={l.nominatedByName} />
          ),
        },
      ]}
    />
  );
}
