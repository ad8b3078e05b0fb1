import { Alert, Button, ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RetryState } from '../api/retry';

/** 正在重试… (attempt n of 6) while a refused request is sent again by itself, with 停止重试. */
export function RetryNotice({ retrying, onCancel }: { retrying: RetryState | null; onCancel(): void }) {
  const { t } = useTranslation();
  if (!retrying) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="retry-notice"
      title={t('retry.waiting', { attempt: retrying.attempt, tries: retrying.tries })}
      action={
        // Usable inside the form it keeps disabled meanwhile.
        <ConfigProvider componentDisabled={false}>
          <Button size="small" onClick={onCancel} data-testid="retry-cancel">
            {t('retry.cancel')}
          </Button>
        </ConfigProvider>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
