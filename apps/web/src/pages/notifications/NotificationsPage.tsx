import { PageStub } from '../../components/PageStub';

export function NotificationsPage() {
  return <PageStub ns="notifications" />;
}
