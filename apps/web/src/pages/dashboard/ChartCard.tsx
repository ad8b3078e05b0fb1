import { Card, Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts';
import { EChart } from '../../components/EChart';

/** A titled chart; an empty state instead of bare axes when there is nothing to count yet. */
export function ChartCard({
  title,
  option,
  empty,
  testId,
}: {
  title: string;
  option: EChartsCoreOption;
  empty: boolean;
  testId: string;
}) {
  return (
    <Card title={title} size="small" data-testid={testId} styles={{ body: { padding: 8 } }}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: 280, paddingTop: 80 }} />
      ) : (
        <EChart option={option} style={{ height: 300 }} />
      )}
    </Card>
  );
}
