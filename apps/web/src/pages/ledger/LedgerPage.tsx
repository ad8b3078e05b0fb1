import { PageStub } from '../../components/PageStub';

export function LedgerPage() {
  return <PageStub ns="ledger" />;
}
