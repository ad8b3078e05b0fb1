import { PageStub } from '../../components/PageStub';

export function EnterprisePage() {
  return <PageStub ns="enterprise" />;
}
