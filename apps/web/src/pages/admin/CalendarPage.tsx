import { PageStub } from '../../components/PageStub';

export function CalendarPage() {
  return <PageStub ns="admin" />;
}
