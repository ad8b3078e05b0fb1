import { CalendarOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { dateText } from '../../format';
import { RunOutcome } from './RunOutcome';

/**
 * 年度动态管理 now, beside the quarter's 立即调度: every member's enterprise users get this year's
 * ANNUAL_UPDATE (a member that had the year keeps the one it has). Until now only the API offered it.
 */
export function AnnualReviewTrigger() {
  const { t } = useTranslation('admin');
  const year = Number(dateText(new Date().toISOString()).slice(0, 4));
  const { run, busy, error, result } = useAction(() =>
    call('post', '/admin/annual-review/trigger', { params: {}, body: { year } }),
  );
  return (
    <div style={{ marginTop: 12 }} data-testid="annual-review">
      <Popconfirm
        title={t('operations.annual.confirmTitle', { year })}
        description={<div style={{ maxWidth: 320 }}>{t('operations.annual.confirm', { year })}</div>}
        onConfirm={() => void run()}
      >
        <Button icon={<CalendarOutlined />} loading={busy} data-testid="trigger-annual-review">
          {t('operations.annual.trigger', { year })}
        </Button>
      </Popconfirm>
      <RunOutcome
        error={error}
        testId="annual-review-result"
        done={
          result
            ? {
                title: t('operations.annual.done', {
                  year: result.year,
                  members: result.members,
                  opened: result.opened,
                }),
                workflowId: result.workflowId,
              }
            : null
        }
      />
    </div>
  );
}
