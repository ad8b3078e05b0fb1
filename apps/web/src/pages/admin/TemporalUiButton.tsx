import { ClusterOutlined } from '../../components/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Where nginx serves the Temporal UI, read-only, to administrators (README, "nginx at the edge"). */
export const TEMPORAL_UI_PATH = '/temporal/';

/**
 * Opens the Temporal UI: the API first sets the cookie nginx's auth_request checks. The tab is
 * opened before the request, while the click still counts as a user action (popup blockers).
 */
export function TemporalUiButton() {
  const { t } = useTranslation('admin');
  const { run, busy, error } = useAction(() =>
    api<void>('/ops/temporal-ui/session', { method: 'POST' }).then(() => true),
  );
  const open = async () => {
    const tab = window.open('about:blank', '_blank');
    if (await run()) {
      if (tab) tab.location.href = TEMPORAL_UI_PATH;
    } else tab?.close();
  };
  return (
    <>
      <Button
        icon={<ClusterOutlined />}
        loading={busy}
        onClick={() => void open()}
        data-testid="open-temporal-ui"
      >
        {t('operations.temporalUi')}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}
