import { UploadOutlined } from './icons';
import { ALLOWED_EXTENSIONS } from '@hardtech/domain/attachments';
import { Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

export interface EvidenceTarget {
  creditCode: string;
  subject: 'task' | 'problem';
  subjectId: string;
}

/** 上传文件: one evidence file for a task or a ledger problem (size, type and scope checked by the server). */
export function EvidenceUpload({
  target,
  onUploaded,
  onError,
}: {
  target: EvidenceTarget;
  onUploaded(): void;
  /** The refusal, for the card to show (null when an upload starts). */
  onError(error: Error | null): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    onError(null);
    try {
      const body = new FormData();
      body.append('file', file);
      body.append('creditCode', target.creditCode);
      body.append('subject', target.subject);
      body.append('subjectId', target.subjectId);
      body.append('purpose', 'evidence');
      await api('/attachments', { body });
      onUploaded();
    } catch (e) {
      onError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Upload
      accept={ALLOWED_EXTENSIONS.map((ext) => `.${ext}`).join(',')}
      showUploadList={false}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid="evidence-upload">
        {t('evidence.upload')}
      </Button>
    </Upload>
  );
}
