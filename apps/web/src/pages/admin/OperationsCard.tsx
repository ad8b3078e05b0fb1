import { PlayCircleOutlined } from '../../components/icons';
import { dispatchQuarterChoices } from '@hardtech/domain/quarters';
import { Button, Card, Descriptions, Select, Space, Tag } from 'antd';
import { Popconfirm } from '../../components/controlLabels';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTimeSecondsText, useFormat } from '../../format';
import { useLocalText } from '../../i18n';
import { useNarrow } from '../../layout/useNarrow';
import type { DispatchResult, Schedule } from './operations';
import { AnnualReviewTrigger } from './AnnualReviewTrigger';
import { RunOutcome } from './RunOutcome';
import { TemporalUiButton } from './TemporalUiButton';

/**
 * 一季一调度: when the quarterly dispatch runs next, and running it now (a ticked quarter stays ticked)
 * for a quarter that has ended — the last one (the default) or the one before, as the server takes
 * (dispatchQuarterChoices); 年度动态管理 run now beside it.
 */
export function OperationsCard() {
  const { t } = useTranslation('admin');
  const text = useLocalText();
  const user = useUser();
  const schedules = useApi<Schedule[]>('/admin/schedules');
  const format = useFormat();
  const narrow = useNarrow();
  const choices = dispatchQuarterChoices(new Date());
  const [quarter, setQuarter] = useState(choices[0]);
  const { run, busy, error, result } = useAction((q: string) =>
    api<DispatchResult>('/admin/quarterly-dispatch/trigger', { method: 'POST', body: { quarter: q } }),
  );
  const trigger = () => void run(quarter).then((r) => r && schedules.reload());

  return (
    <Card title={t('operations.title')} size="small" data-testid="operations">
      <ErrorAlert error={schedules.error} />
      {(schedules.data ?? []).map((s) => (
        <Descriptions
          key={s.id}
          size="small"
          column={1}
          // On a phone each label above its value: beside it, 运行中 met 北京时间 and the times the edge.
          layout={narrow ? 'vertical' : 'horizontal'}
          style={{ marginBottom: 12 }}
          // A long title wraps: cut with "…" it lost the time it runs at, at 1440 px and on a phone.
          styles={{ title: { whiteSpace: 'normal', overflow: 'visible' } }}
          title={<span data-testid="schedule-title">{text(s.description) || s.id}</span>}
        >
          <Descriptions.Item label={t('operations.state')}>
            <Tag color={s.paused ? 'orange' : 'green'} style={narrow ? { marginInlineEnd: 8 } : undefined}>
              {t(s.paused ? 'operations.paused' : 'operations.running')}
            </Tag>
            {/* The schedules run in Beijing time: 北京时间 as the titles above say it, not the zone's id. */}
            {s.timezone === 'Asia/Shanghai' ? t('operations.beijingTime') : s.timezone}
          </Descriptions.Item>
          <Descriptions.Item label={t('operations.nextRuns')}>
            <span data-testid="next-runs">
              {narrow
                ? s.nextRunTimes.slice(0, 2).map((at) => (
                    <span key={at} data-testid="next-run" style={{ display: 'block' }}>
                      {dateTimeSecondsText(at)}
                    </span>
                  ))
                : s.nextRunTimes.slice(0, 2).map(dateTimeSecondsText).join('；')}
            </span>
          </Descriptions.Item>
          {s.recentRuns.length > 0 && (
            <Descriptions.Item label={t('operations.lastRun')}>
              {dateTimeSecondsText(s.recentRuns[s.recentRuns.length - 1].takenAt)}
            </Descriptions.Item>
          )}
        </Descriptions>
      ))}
      <Space wrap>
        <Select
          aria-label={t('operations.quarter')}
          value={quarter}
          onChange={setQuarter}
          // The whole label, 2026年第三季度（上一季度）, at 1440 px and on a phone.
          style={{ width: 250 }}
          popupMatchSelectWidth={false}
          data-testid="dispatch-quarter"
          options={choices.map((q, i) => ({
            value: q,
            label: i === 0 ? t('operations.lastQuarter', { quarter: format.quarter(q) }) : format.quarter(q),
          }))}
        />
        <Popconfirm
          title={t('operations.confirmTitle', { quarter: format.quarter(quarter) })}
          description={<div style={{ maxWidth: 320 }}>{t('operations.confirm')}</div>}
          onConfirm={trigger}
        >
          <Button type="primary" icon={<PlayCircleOutlined />} loading={busy} data-testid="trigger-dispatch">
            {t('operations.trigger')}
          </Button>
        </Popconfirm>
      </Space>
      <RunOutcome
        error={error}
        testId="dispatch-result"
        done={
          result
            ? {
                title: t('operations.done', {
                  quarter: format.quarter(result.quarter),
                  count: result.members,
                }),
              }
            : null
        }
      />
      <AnnualReviewTrigger />
      {/* Only system administrators: the API refuses everyone else, nginx asks the API on every request. */}
      {user.role === 'system_admin' && (
        <div style={{ marginTop: 12 }}>
          <TemporalUiButton />
        </div>
      )}
    </Card>
  );
}
