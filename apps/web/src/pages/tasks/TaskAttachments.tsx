import { UploadOutlined } from '@ant-design/icons';
import { ALLOWED_EXTENSIONS } from '@hardtech/domain/attachments';
import { Button, Card, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Attachments } from '../enterprises/Attachments';
import { useAction } from './useAction';

/** 佐证材料 of the task: uploaded here (size and type checked by the server), listed with who and when. */
export function TaskAttachments({ taskId, creditCode }: { taskId: string; creditCode: string }) {
  const { t } = useTranslation('task');
  const { busy, error, run } = useAction();
  const [uploads, setUploads] = useState(0);

  const upload = (file: File) =>
    run(async () => {
      const body = new FormData();
      body.append('file', file);
      body.append('creditCode', creditCode);
      body.append('subject', 'task');
      body.append('subjectId', taskId);
      body.append('purpose', 'evidence');
      await api('/attachments', { body });
      setUploads((n) => n + 1);
    });

  return (
    <Card
      size="small"
      title={t('attachments.title')}
      data-testid="task-attachments"
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
            {t('attachments.upload')}
          </Button>
        </Upload>
      }
    >
      <ErrorAlert error={error} />
      <Attachments key={uploads} creditCode={creditCode} subject="task" subjectId={taskId} />
    </Card>
  );
}
