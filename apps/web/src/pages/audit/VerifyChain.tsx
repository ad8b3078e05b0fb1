import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Verification } from './audit';

/**
 * Recomputes the hash chain on the server and says plainly whether the log is intact, or from which
 * row it no longer holds (that row is marked in the table when it is on screen).
 */
export function VerifyChain({ onResult }: { onResult: (result: Verification) => void }) {
  const { t } = useTranslation('audit');
  const [result, setResult] = useState<Verification>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const verify = () => {
    setBusy(true);
    setError(undefined);
    api<Verification>('/audit/verify')
      .then((r) => {
        setResult(r);
        onResult(r);
      }, setError)
      .finally(() => setBusy(false));
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button
        type="primary"
        icon={<SafetyCertificateOutlined />}
        loading={busy}
        onClick={verify}
        data-testid="verify"
      >
        {t('verify.button')}
      </Button>
      <ErrorAlert error={error} />
      {result?.ok && (
        <Alert
          type="success"
          showIcon
          data-testid="verify-result"
          title={t('verify.ok', { n: result.checked })}
          description={t('verify.head', { seq: result.head.seq, hash: result.head.hash })}
        />
      )}
      {result && !result.ok && (
        <Alert
          type="error"
          showIcon
          data-testid="verify-result"
          title={t('verify.broken', { seq: result.firstBrokenAt, n: result.checked })}
          description={result.reason ? t(`verify.reasons.${result.reason}`) : undefined}
        />
      )}
    </Space>
  );
}
