import { SafetyCertificateOutlined } from '../../components/icons';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Verification } from './audit';
import { dateTimeSecondsText } from '../../format';

/**
 * Recomputes the hash chain on the server and says plainly whether the log is intact, or from which
 * row it no longer holds (that row is marked in the table when it is on screen).
 */
export function VerifyChain({ onResult }: { onResult: (result: Verification) => void }) {
  const { t } = useTranslation('audit');
  const { run, busy, error, result } = useAction(() => api<Verification>('/audit/verify'));
  const verify = () => void run().then((r) => r && onResult(r));
  // The signed checkpoint outside the database that the chain was checked against (issue 20.2).
  const checkpointLine = (r: Verification) =>
    r.checkpoint
      ? t('verify.checkpoint', { seq: r.checkpoint.seq, at: dateTimeSecondsText(r.checkpoint.at) })
      : t('verify.noCheckpoint');

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
          description={
            <>
              <div>{t('verify.head', { seq: result.head.seq, hash: result.head.hash })}</div>
              <div data-testid="verify-checkpoint">{checkpointLine(result)}</div>
            </>
          }
        />
      )}
      {result && !result.ok && (
        <Alert
          type="error"
          showIcon
          data-testid="verify-result"
          title={t('verify.broken', { seq: result.firstBrokenAt, n: result.checked })}
          description={
            <>
              {result.reason && <div>{t(`verify.reasons.${result.reason}`)}</div>}
              <div data-testid="verify-checkpoint">{checkpointLine(result)}</div>
            </>
          }
        />
      )}
    </Space>
  );
}
