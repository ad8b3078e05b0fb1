import { PageStub } from '../../components/PageStub';

export function EnterpriseListPage() {
  return <PageStub ns="enterprise" />;
}
