import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../auth/AuthProvider';

/**
 * What 三年倍增 is computed from, worded for the reader: the quarterly reports sent and not sent back
 * (退回), whether reviewed yet or not (docs/api.md). The enterprise reads it as what it has sent
 * (已报送); officers read that a report awaiting review counts and one sent back does not.
 */
export function DoublingBasis() {
  const { t } = useTranslation('enterprise');
  const own = useUser().role === 'enterprise_user';
  return (
    // Its own line: after 入库并报送季度数据后显示 (no chart yet) it ran on as one sentence.
    <Typography.Text
      type="secondary"
      style={{ fontSize: 12, display: 'block', marginTop: 4 }}
      data-testid="doubling-basis"
    >
      {t(own ? 'doubling.basis.enterprise' : 'doubling.basis.officer')}
    </Typography.Text>
  );
}
