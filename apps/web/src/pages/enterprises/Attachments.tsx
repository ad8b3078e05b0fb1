import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PURPOSE_LABELS } from '@hardtech/domain/attachments';
import type { AttachmentPurpose } from '@hardtech/domain/attachments';
import { download } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocalText } from '../../i18n';
import { useFormat } from '../../format';
import { ResponsiveTable } from '../../components/ResponsiveTable';

interface Attachment {
  id: string;
  subject: string;
  purpose: AttachmentPurpose;
  fileName: string;
  size: number;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
}

/** Evidence files of the enterprise the caller may see (the server filters by scope); downloads are audited. */
export function Attachments({
  creditCode,
  subject,
  subjectId,
}: {
  creditCode: string;
  /** Only the files of one task or problem (the task page), instead of all the enterprise's. */
  subject?: 'task' | 'problem';
  subjectId?: string;
}) {
  const { t } = useTranslation('enterprise');
  const local = useLocalText();
  const format = useFormat();
  const list = useApi<Attachment[]>('/attachments', { creditCode, subject, subjectId });
  const [error, setError] = useState<Error>();
  return (
    <>
      <ErrorAlert error={list.error ?? error} />
      <ResponsiveTable<Attachment>
        data-testid="attachments"
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.data}
        locale={{ emptyText: t('attachments.none') }}
        columns={[
          { title: t('attachments.fileName'), dataIndex: 'fileName' },
          {
            title: t('attachments.purpose'),
            dataIndex: 'purpose',
            render: (p: AttachmentPurpose) => local(PURPOSE_LABELS[p]),
          },
          {
            title: t('attachments.subject'),
            dataIndex: 'subject',
            render: (s: string) => t(`attachments.subjects.${s}`),
          },
          {
            title: t('attachments.size'),
            dataIndex: 'size',
            render: (n: number) => `${Math.ceil(n / 1024)} KB`,
          },
          { title: t('attachments.uploadedBy'), dataIndex: 'uploadedByName' },
          { title: t('attachments.uploadedAt'), dataIndex: 'uploadedAt', render: format.dateTime },
          {
            title: '',
            key: 'download',
            render: (_, a) => (
              <Button
                size="small"
                onClick={() => download(`/attachments/${a.id}/download`, a.fileName).catch(setError)}
              >
                {t('common:actions.download')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
