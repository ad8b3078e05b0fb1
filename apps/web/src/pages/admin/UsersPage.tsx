import { PageStub } from '../../components/PageStub';

export function UsersPage() {
  return <PageStub ns="admin" />;
}
