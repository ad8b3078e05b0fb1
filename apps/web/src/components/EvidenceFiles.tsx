import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Attachments } from '../pages/enterprises/Attachments';
import { ErrorAlert } from './ErrorAlert';
import { EvidenceUpload } from './EvidenceUpload';

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
  const [error, setError] = useState<Error | null>(null);
  const [uploads, setUploads] = useState(0);

  return (
    <Card
      size="small"
      title={t('evidence.title')}
      data-testid={`${subject}-attachments`}
      extra={
        <EvidenceUpload
          target={{ creditCode, subject, subjectId }}
          onUploaded={() => setUploads((n) => n + 1)}
          onError={setError}
        />
      }
    >
      <ErrorAlert error={error} />
      <Attachments key={uploads} creditCode={creditCode} subject={subject} subjectId={subjectId} />
    </Card>
  );
}
