import { PageStub } from '../../components/PageStub';

export function TaskPage() {
  return <PageStub ns="task" />;
}
