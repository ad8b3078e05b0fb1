import { Typography } from 'antd';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Kpi } from './kpi';
import { enterpriseList, withCluster } from './links';

/**
 * Graduations and exits of the year, each count opening those who left so; rejections were never
 * in the pool, so no enterprise list counts them.
 */
export function EndingsSummary({ kpi }: { kpi: Kpi }) {
  const leavers = (leftAs: string) => withCluster(enterpriseList({ leftIn: kpi.year, leftAs }), kpi);
  return (
    <Typography.Text type="secondary" data-testid="endings-summary">
      <Trans
        ns="dashboard"
        i18nKey="endingsSummary"
        values={kpi.endings}
        components={{
          graduated: <Link to={leavers('graduated')} data-testid="link-graduated" />,
          exited: <Link to={leavers('exited')} data-testid="link-exited" />,
        }}
      />
    </Typography.Text>
  );
}
