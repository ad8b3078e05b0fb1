import { PageStub } from '../../components/PageStub';

export function PolicyPage() {
  return <PageStub ns="admin" />;
}
