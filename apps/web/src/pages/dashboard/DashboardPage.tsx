import { PageStub } from '../../components/PageStub';

export function DashboardPage() {
  return <PageStub ns="dashboard" />;
}
