import { auditActionLabel } from '@hardtech/domain/audit-actions';
import { Card, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useReference } from '../../api/reference';
import type { Role } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NameWithAccountTip } from '../../components/PersonName';
import { formatDateTime } from '../../components/time';
import { useLocalText } from '../../i18n';
import type { AuditEvent, Verification } from './audit';
import { AuditEventDetail } from './AuditEventDetail';
import { AuditFilters } from './AuditFilters';
import { VerifyChain } from './VerifyChain';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const OUTCOME_COLORS = { ok: 'green', refused: 'orange', failed: 'red' } as const;

export function AuditPage() {
  const { t } = useTranslation('audit');
  const local = useLocalText();
  const reference = useReference();
  const [broken, setBroken] = useState<number | null>(null);
  // Other pages link here for one enterprise's trail: /audit?creditCode=….
  const [params] = useSearchParams();
  const linked = { creditCode: params.get('creditCode') ?? undefined };
  const { error, search, table } = usePagedList<AuditEvent>('/audit', 50, 500, linked);

  const columns: ColumnsType<AuditEvent> = [
    { title: t('fields.seq'), dataIndex: 'seq', width: 80 },
    { title: t('fields.at'), dataIndex: 'at', width: 170, render: formatDateTime },
    {
      title: t('fields.actor'),
      key: 'actor',
      width: 220,
      // The person by name, the account beneath (what the filter takes, and unambiguous), then the role.
      render: (_, e) => {
        const role = e.actorRole && reference?.roles[e.actorRole as Role];
        const beneath = [e.actorName ? e.actor : null, role ? local(role) : null].filter(Boolean);
        return (
          <>
            {e.actor && <NameWithAccountTip username={e.actor} name={e.actorName} />}
            {beneath.length > 0 && <div style={{ color: 'rgba(0,0,0,0.45)' }}>{beneath.join(' · ')}</div>}
          </>
        );
      },
    },
    {
      title: t('fields.action'),
      dataIndex: 'action',
      // In words for the auditor, the code beneath (it is what the filter and an export name).
      render: (a: string) => (
        <>
          {local(auditActionLabel(a))}
          <div>
            <code style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{a}</code>
          </div>
        </>
      ),
    },
    {
      title: t('fields.outcome'),
      key: 'outcome',
      width: 120,
      render: (_, e) => (
        <Tag color={OUTCOME_COLORS[e.outcome]}>
          {t(`outcomes.${e.outcome}`)}
          {e.status ? ` ${e.status}` : ''}
        </Tag>
      ),
    },
    {
      title: t('fields.creditCode'),
      dataIndex: 'creditCode',
      width: 200,
      render: (code: string | null) => code && <Link to={`/enterprises/${code}`}>{code}</Link>,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="audit">
      <Card title={t('title')} extra={<span>{t('subtitle')}</span>}>
        <VerifyChain onResult={(r: Verification) => setBroken(r.ok ? null : r.firstBrokenAt)} />
      </Card>
      <Card>
        <AuditFilters onSearch={search} initial={linked} />
      </Card>
      <ErrorAlert error={error} />
      <Card styles={{ body: { padding: 0 } }}>
        <ResponsiveTable<AuditEvent>
          data-testid="audit-table"
          rowKey="seq"
          size="small"
          columns={columns}
          {...table}
          scroll={{ x: 1000 }}
          expandable={{ expandedRowRender: (e) => <AuditEventDetail event={e} /> }}
          onRow={(e) => (e.seq === broken ? { style: { background: '#fff1f0' }, 'data-broken': 'true' } : {})}
        />
      </Card>
    </Space>
  );
}
