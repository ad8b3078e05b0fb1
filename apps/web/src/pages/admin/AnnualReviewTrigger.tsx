import { CalendarOutlined } from '../../components/icons';
import { reviewYearChoices } from '@hardtech/domain/annual-review';
import { Button, Select, Space } from 'antd';
import { Popconfirm } from '../../components/controlLabels';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { dateText } from '../../format';
import { RunOutcome } from './RunOutcome';

/**
 * 年度动态管理 now, beside the quarter's 立即调度: every member's enterprise users get the picked
 * year's ANNUAL_UPDATE (a member that had the year keeps the one it has). The coordinator picks this
 * year or last (a review begun late); the confirmation names the year and says so when it is last year.
 */
export function AnnualReviewTrigger() {
  const { t } = useTranslation('admin');
  const choices = reviewYearChoices(dateText(new Date().toISOString()));
  const [year, setYear] = useState(choices[0]);
  const { run, busy, error, result } = useAction(() =>
    call('post', '/admin/annual-review/trigger', { params: {}, body: { year } }),
  );
  return (
    <div style={{ marginTop: 12 }} data-testid="annual-review">
      <Space wrap>
        <Select
          aria-label={t('operations.annual.year')}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          data-testid="annual-review-year"
          options={choices.map((y) => ({ value: y, label: t('operations.annual.yearOption', { year: y }) }))}
        />
        <Popconfirm
          title={t('operations.annual.confirmTitle', { year })}
          description={
            <div style={{ maxWidth: 320 }}>
              {t('operations.annual.confirm', { year })}
              {year !== choices[0] && (
                <div style={{ marginTop: 4, fontWeight: 500 }}>
                  {t('operations.annual.pastYear', { year, current: choices[0] })}
                </div>
              )}
            </div>
          }
          onConfirm={() => void run()}
        >
          <Button icon={<CalendarOutlined />} loading={busy} data-testid="trigger-annual-review">
            {t('operations.annual.trigger', { year })}
          </Button>
        </Popconfirm>
      </Space>
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
              }
            : null
        }
      />
    </div>
  );
}
