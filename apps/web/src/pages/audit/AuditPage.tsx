import { Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePagedList } from '../../api/usePagedList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTimeSecondsText } from '../../format';
import type { AuditEvent, Verification } from './audit';
import type { Query } from '../../api/client';
import { FoldedFilters } from '../../components/FoldedFilters';
import { useNarrow } from '../../layout/useNarrow';
import { AuditCards } from './AuditCards';
import { AuditAction, AuditActor, AuditEnterprise, AuditOutcome } from './AuditCells';
import { AuditEventDetail } from './AuditEventDetail';
import { AuditFilters, DEFAULT_READS } from './AuditFilters';
import { VerifyChain } from './VerifyChain';
import { usePagerIcons } from '../../components/controlLabels';

/** The filters that narrow the log: all set but reads left at what the page opens with. */
function narrowing(query: Query): number {
  return Object.entries(query).filter(
    ([key, v]) => v !== undefined && v !== '' && !(key === 'reads' && v === DEFAULT_READS),
  ).length;
}

export function AuditPage() {
  const { t } = useTranslation('audit');
  const pager = usePagerIcons();
  const [broken, setBroken] = useState<number | null>(null);
  // Other pages link here for one enterprise's trail: /audit?creditCode=…. Business events first;
  // reads (查看, recorded for 等保 2.0) on demand.
  const [params] = useSearchParams();
  const linked = { creditCode: params.get('creditCode') ?? undefined, reads: DEFAULT_READS };
  const { error, search, table } = usePagedList<AuditEvent>('/audit', 50, 500, linked);
  const narrow = useNarrow();
  const [query, setQuery] = useState<Query>(linked);
  const [filtersShown, setFiltersShown] = useState(false);
  const apply = (next: Query) => {
    setQuery(next);
    search(next);
    // On a phone the open filters would stand between 查询 and what it found.
    setFiltersShown(false);
  };

  const columns: ColumnsType<AuditEvent> = [
    { title: t('fields.seq'), dataIndex: 'seq', width: 80 },
    { title: t('fields.at'), dataIndex: 'at', width: 170, render: dateTimeSecondsText },
    {
      title: t('fields.actor'),
      key: 'actor',
      width: 220,
      render: (_, e) => <AuditActor event={e} />,
    },
    {
      title: t('fields.action'),
      key: 'action',
      render: (_, e) => <AuditAction event={e} />,
    },
    {
      title: t('fields.outcome'),
      key: 'outcome',
      width: 120,
      render: (_, e) => <AuditOutcome event={e} />,
    },
    {
      title: t('fields.enterprise'),
      key: 'enterprise',
      width: 240,
      render: (_, e) => <AuditEnterprise event={e} />,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="audit">
      {/* On a phone the subtitle goes below the title: as the card's extra it took the whole head at
          320 px in English, and the title (Audit log) was not shown at all. */}
      <Card title={t('title')} extra={narrow ? undefined : <span>{t('subtitle')}</span>}>
        {narrow && (
          <Typography.Paragraph type="secondary" data-testid="audit-subtitle">
            {t('subtitle')}
          </Typography.Paragraph>
        )}
        <VerifyChain onResult={(r: Verification) => setBroken(r.ok ? null : r.firstBrokenAt)} />
      </Card>
      <Card size={narrow ? 'small' : undefined}>
        <FoldedFilters
          count={narrowing(query)}
          testId="audit-filters-toggle"
          open={filtersShown}
          onOpenChange={setFiltersShown}
        >
          <AuditFilters onSearch={apply} initial={linked} />
        </FoldedFilters>
      </Card>
      <ErrorAlert error={error} />
      {narrow ? (
        <AuditCards
          events={table.dataSource ?? []}
          loading={table.loading}
          pagination={table.pagination}
          broken={broken}
        />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<AuditEvent>
            data-testid="audit-table"
            rowKey="seq"
            size="small"
            columns={columns}
            {...table}
            pagination={{ ...pager, ...table.pagination }}
            scroll={{ x: 1000 }}
            expandable={{ expandedRowRender: (e) => <AuditEventDetail event={e} /> }}
            onRow={(e) =>
              e.seq === broken ? { style: { background: '#fff1f0' }, 'data-broken': 'true' } : {}
            }
          />
        </Card>
      )}
    </Space>
  );
}
