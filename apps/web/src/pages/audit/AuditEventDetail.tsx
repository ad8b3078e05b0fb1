import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from './audit';

/** What an auditor checks beyond the row: the recorded data and the links of the hash chain. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  return (
    <Descriptions size="small" column={1} bordered data-testid={`audit-detail-${event.seq}`}>
      <Descriptions.Item label={t('fields.data')}>
        <pre
          style={{
            margin: 0,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
            maxHeight: 320,
            overflow: 'auto',
          }}
        >
          {JSON.stringify(event.data, null, 2)}
        </pre>
      </Descriptions.Item>
      {event.taskId && <Descriptions.Item label={t('fields.taskId')}>{event.taskId}</Descriptions.Item>}
      {event.requestId && (
        <Descriptions.Item label={t('fields.requestId')}>{event.requestId}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('fields.prevHash')}>
        <code>{event.prevHash}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.hash')}>
        <code>{event.hash}</code>
      </Descriptions.Item>
    </Descriptions>
  );
}
