import { WarningFilled } from '../../components/icons';
import { Tag, Tooltip } from 'antd';
import { WHISTLE_STATUSES, type WhistleStatus } from '@hardtech/domain/whistle';
import { useTranslation } from 'react-i18next';
import { dateText } from '../../format';
import { useOptionLabel } from '../../i18n';

/**
 * 企业吹哨·待报到 / 企业吹哨·已报到: the whistle on a problem, on the ledger's row and the enterprise's
 * page alike. A whistled problem keeps its tag once the department answered; the open one is marked
 * as wanting an answer.
 */
export function WhistleTag({ status, at }: { status: WhistleStatus | null; at?: string | null }) {
  const { t } = useTranslation('ledger');
  const label = useOptionLabel();
  if (!status) return null;
  const open = status === 'open';
  return (
    <Tooltip title={at ? t('whistledAt', { date: dateText(at) }) : undefined}>
      {/* Wraps inside its cell: in English (Whistle · awaiting response) it ran into the ledger's 完成时限. */}
      <Tag
        color={open ? 'red' : 'volcano'}
        icon={open ? <WarningFilled /> : undefined}
        data-testid="whistle"
        style={{ marginInlineEnd: 0, maxWidth: '100%', whiteSpace: 'normal' }}
      >
        {label(WHISTLE_STATUSES, status)}
      </Tag>
    </Tooltip>
  );
}
