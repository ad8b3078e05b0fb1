import { Card, Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts';
import type { ReactNode } from 'react';
import { LazyEChart } from '../../components/LazyEChart';

/** A titled chart; an empty state instead of bare axes when there is nothing to count yet. */
export function ChartCard({
  title,
  option,
  empty,
  testId,
  onClick,
  extra,
}: {
  title: string;
  option: EChartsCoreOption;
  empty: boolean;
  testId: string;
  /** Opens the enterprises behind the clicked bar or point. */
  onClick?: (event: { dataIndex: number; seriesIndex?: number }) => void;
  extra?: ReactNode;
}) {
  return (
    <Card title={title} extra={extra} size="small" data-testid={testId} styles={{ body: { padding: 8 } }}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: 280, paddingTop: 80 }} />
      ) : (
        <LazyEChart option={option} style={{ height: 300 }} onClick={onClick} />
      )}
    </Card>
  );
}
