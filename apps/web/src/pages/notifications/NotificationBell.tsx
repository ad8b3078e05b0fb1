import { BellOutlined } from '../../components/icons';
import { Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { NOTIFICATIONS_READ } from './notification';

// Reminders arrive from workflow timers, not from this tab: ask again now and then.
const POLL_MS = 60_000;

/** The header's bell with the count of unread notices: new tasks, reminders and escalations. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, reload } = useApi<{ unread: number }>('/notifications', { unread: 'true', pageSize: 1 });
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    window.addEventListener(NOTIFICATIONS_READ, reload);
    return () => {
      clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_READ, reload);
    };
  }, [reload]);
  return (
    <Badge count={data?.unread ?? 0} size="small" data-testid="unread-count">
      <Button
        type="text"
        shape="circle"
        aria-label={t('nav.notifications')}
        icon={<BellOutlined />}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
