import { PageStub } from '../../components/PageStub';

export function InboxPage() {
  return <PageStub ns="inbox" />;
}
