import { Card, Empty, Segmented, Space } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InboxTable } from './InboxTable';
import { InboxTitle } from './InboxTitle';
import { useInboxCounts, withCount } from './useInboxCounts';
import { OWN_STEPS_PAGE_SIZE, ownStepsQuery, ownStepsStatus, pageFromAddress } from './inboxFilter';

/**
 * An enterprise's 待办任务: only its own steps, to do or done, due first. None of the officers'
 * tools — views, the district / cluster / department filters, 抄送, bulk work — has anything to sort
 * for it: the server lists it nothing but its own steps, copies it nothing and saves it no view.
 * Its figures are the officers' one request (GET /api/tasks/counts: its own open steps, and the
 * overdue among them): 待办 (N) and 已超期 N 件.
 */
export function OwnStepsPage() {
  const { t } = useTranslation('inbox');
  const [params, setParams] = useSearchParams();
  // Its first request went out as the route was entered (primeInbox, routes.tsx).
  const status = ownStepsStatus(params);
  const page = pageFromAddress(params);
  const tasks = useGet('/tasks', { query: ownStepsQuery(params) });
  const counts = useInboxCounts();
  const refresh = () => {
    tasks.reload();
    counts.reload();
  };
  const show = (next: { status?: string; page?: number }) =>
    setParams({ status: next.status ?? status, page: String(next.page ?? 1) });
  return (
    <Card title={<InboxTitle title={t('title')} overdue={counts.overdue} />} data-testid="own-steps">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented
          data-testid="own-steps-status"
          value={status}
          onChange={(value) => show({ status: String(value) })}
          options={[
            { value: 'open', label: withCount(t('status.open'), counts.inbox) },
            { value: 'done', label: t('status.done') },
          ]}
        />
        <ErrorAlert error={tasks.error} />
        <InboxTable
          items={tasks.data?.items ?? []}
          total={tasks.data?.total ?? 0}
          page={page}
          pageSize={OWN_STEPS_PAGE_SIZE}
          loading={tasks.loading}
          selected={[]}
          selectable={false}
          onSelect={() => undefined}
          onPage={(p) => show({ page: p })}
          onChanged={refresh}
          // Not 暂无数据: an enterprise waits for its steps to open and should know what comes here.
          emptyText={
            <Empty
              data-testid="own-steps-empty"
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(`ownStepsEmpty.${status}`)}
            />
          }
        />
      </Space>
    </Card>
  );
}
