import { PageStub } from '../../components/PageStub';

export function NominationPage() {
  return <PageStub ns="nomination" />;
}
