import { Card, Drawer, Empty, Space, Spin, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhonePager } from '../../components/PhonePager';
import { dateTimeSecondsText } from '../../format';
import type { AuditEvent } from './audit';
import { AuditAction, AuditActor, AuditEnterprise, AuditKind, AuditOutcome } from './AuditCells';
import { AuditEventDetail } from './AuditEventDetail';

const ONE_LINE = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
const SECONDARY = { color: 'rgba(0,0,0,0.45)', fontSize: 13 };

interface AuditCardsProps {
  events: AuditEvent[];
  loading: boolean;
  pagination: TablePaginationConfig;
  /** The first row the hash chain no longer holds from, marked as the table marks it. */
  broken: number | null;
}

/**
 * The audit log on a phone: one compact card an event — when, who, what, which enterprise, each on
 * one line — so an auditor scans a page at a glance (the table's six columns as cards made every
 * event a screen's third); a tap opens the whole row, its data and its hash links, from the bottom.
 */
export function AuditCards({ events, loading, pagination, broken }: AuditCardsProps) {
  const { t } = useTranslation('audit');
  const [opened, setOpened] = useState<AuditEvent | null>(null);
  const { current, pageSize, total, onChange } = pagination;
  return (
    <div data-testid="audit-table" className="responsive-cards">
      <Spin spinning={loading}>
        {events.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        {events.map((e) => (
          <Card
            key={e.seq}
            size="small"
            hoverable
            role="button"
            tabIndex={0}
            aria-label={t('openEvent', { seq: e.seq })}
            onClick={() => setOpened(e)}
            onKeyDown={(k) => (k.key === 'Enter' || k.key === ' ') && setOpened(e)}
            style={{ marginBottom: 8, ...(e.seq === broken ? { background: '#fff1f0' } : {}) }}
            styles={{ body: { padding: '8px 12px' } }}
            data-row-key={String(e.seq)}
            data-testid={`audit-card-${e.seq}`}
            {...(e.seq === broken ? { 'data-broken': 'true' } : {})}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, ...SECONDARY }}>
              <span>
                {dateTimeSecondsText(e.at)} · #{e.seq}
              </span>
              {e.outcome !== 'ok' && <AuditOutcome event={e} />}
            </div>
            <div style={ONE_LINE}>
              <AuditActor event={e} compact />
              <span style={SECONDARY}> · </span>
              <AuditKind event={e} />
            </div>
            {e.creditCode && (
              <div style={ONE_LINE}>
                <AuditEnterprise event={e} compact />
              </div>
            )}
          </Card>
        ))}
      </Spin>
      <PhonePager current={current} pageSize={pageSize} total={total} onChange={onChange} />
      <Drawer
        open={!!opened}
        onClose={() => setOpened(null)}
        placement="bottom"
        height="90%"
        title={opened && `#${opened.seq} · ${dateTimeSecondsText(opened.at)}`}
        data-testid="audit-event-drawer"
      >
        {opened && <AuditEventFull event={opened} />}
      </Drawer>
    </div>
  );
}

/** Every column of the desk's row, a line each, above the recorded data and the hash links. */
function AuditEventFull({ event: e }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  const line = (label: string, value: React.ReactNode) => (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <div>{value}</div>
    </div>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {line(t('fields.actor'), <AuditActor event={e} />)}
      {line(t('fields.action'), <AuditAction event={e} />)}
      {line(t('fields.outcome'), <AuditOutcome event={e} />)}
      {e.creditCode && line(t('fields.enterprise'), <AuditEnterprise event={e} />)}
      <AuditEventDetail event={e} />
    </Space>
  );
}
