import { UploadOutlined } from '@ant-design/icons';
import { ALLOWED_EXTENSIONS } from '@hardtech/domain/attachments';
import { Button, Card, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { Attachments } from '../pages/enterprises/Attachments';
import { useAction } from '../pages/tasks/useAction';
import { ErrorAlert } from './ErrorAlert';

/**
 * 佐证材料 of a task or a ledger problem: uploaded here (size, type and scope checked by the server),
 * listed with who uploaded them and when.
 */
export function EvidenceFiles({
  creditCode,
  subject,
  subjectId,
}: {
  creditCode: string;
  subject: 'task' | 'problem';
  subjectId: string;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const [uploads, setUploads] = useState(0);

  const upload = (file: File) =>
    run(async () => {
      const body = new FormData();
      body.append('file', file);
      body.append('creditCode', creditCode);
      body.append('subject', subject);
      body.append('subjectId', subjectId);
      body.append('purpose', 'evidence');
      await api('/attachments', { body });
      setUploads((n) => n + 1);
    });

  return (
    <Card
      size="small"
      title={t('evidence.title')}
      data-testid={`${subject}-attachments`}
      extra={
        <Upload
          accept={ALLOWED_EXTENSIONS.map((ext) => `.${ext}`).join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy}>
            {t('evidence.upload')}
          </Button>
        </Upload>
      }
    >
      <ErrorAlert error={error} />
      <Attachments key={uploads} creditCode={creditCode} subject={subject} subjectId={subjectId} />
    </Card>
  );
}
