import { PageStub } from '../../components/PageStub';

export function AuditPage() {
  return <PageStub ns="audit" />;
}
