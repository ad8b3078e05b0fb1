import { Card, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocalText } from '../../i18n';
import type { Kpi } from './kpi';
import { stageList, withCluster } from './links';

/** Where the enterprises were on the path as `asOf` ended, stage by stage, each count opening its list. */
export function StageBreakdown({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation('dashboard');
  const local = useLocalText();
  return (
    <Card title={t('sections.stages')} size="small" data-testid="stages">
      <Space wrap size={[8, 8]}>
        {kpi.stages.map((s) => (
          <Link key={s.key} to={withCluster(stageList(s.key, kpi.asOf), kpi)} data-testid={`stage-${s.key}`}>
            <Tag color={s.n ? 'blue' : undefined} style={{ fontSize: 14, padding: '4px 10px', margin: 0 }}>
              {local(s.label)} <strong>{s.n}</strong>
            </Tag>
          </Link>
        ))}
      </Space>
    </Card>
  );
}
