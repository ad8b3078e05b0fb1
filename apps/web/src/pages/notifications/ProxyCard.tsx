import { Button, Card, DatePicker, Descriptions, Form, Space, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PeoplePicker } from '../../components/PeoplePicker';
import { personText } from '../../components/PersonName';
import { dateTimeSecondsText } from '../../format';
import { parseInstant } from '@hardtech/domain/calendar';
import { useAction } from '../tasks/useAction';
import { useMessage } from '../../components/controlLabels';

type ProxyAnswer = Schemas['ProxyAnswerDto'];

/**
 * 委托代理: while I am away, a colleague of my role whose scope covers mine does my tasks, picked by
 * name among those the server offers (it refuses anyone else, 422). Shows whom I stand in for myself.
 */
/** The instant a picked day starts in Asia/Shanghai. */
const dayStart = (day: Dayjs | null | undefined) =>
  day ? parseInstant(day.format('YYYY-MM-DD'))?.toISOString() : undefined;

export function ProxyCard() {
  const { t } = useTranslation('notifications');
  const message = useMessage();
  const stored = useApi<ProxyAnswer>('/me/proxy');
  const [to, setTo] = useState('');
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [until, setUntil] = useState<Dayjs | null>(null);
  const { busy, error, run } = useAction();
  const answer = stored.data;

  const save = () =>
    run(async () => {
      await api<ProxyAnswer>('/me/proxy', {
        method: 'PUT',
        // Whole days in Shanghai, whatever the browser's clock: from the first day's 00:00 until the
        // end of the last (the next day's 00:00). A laptop set to UTC sent 08:00 to 08:00.
        body: { to, from: dayStart(from), until: dayStart(until?.add(1, 'day')) },
      });
      message.success(t('proxy.saved'));
      stored.reload();
    });
  const end = () =>
    run(async () => {
      await api<ProxyAnswer>('/me/proxy', { method: 'DELETE' });
      message.success(t('proxy.ended'));
      stored.reload();
    });

  return (
    <Card title={t('proxy.title')} data-testid="proxy">
      <ErrorAlert error={stored.error ?? error} />
      {!answer && stored.loading && <Spin />}
      {answer && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {answer.proxy ? (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('proxy.to')}>
                {personText({
                  displayName: answer.proxy.toName ?? answer.proxy.to,
                  username: answer.proxy.to,
                })}{' '}
                <Tag color={answer.proxy.active ? 'green' : 'default'}>
                  {t(answer.proxy.active ? 'proxy.active' : 'proxy.inactive')}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('proxy.from')}>
                {dateTimeSecondsText(answer.proxy.from)}
              </Descriptions.Item>
              <Descriptions.Item label={t('proxy.until')}>
                {dateTimeSecondsText(answer.proxy.until)}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('proxy.none')}</Typography.Text>
          )}
          {answer.standingInFor.length > 0 && (
            <Typography.Text>
              {t('proxy.standingInFor', {
                names: (answer.standingInForNames ?? answer.standingInFor).join('、'),
              })}
            </Typography.Text>
          )}
          <Form layout="vertical" disabled={busy}>
            <Form.Item label={t('proxy.to')} htmlFor="proxy-to">
              <PeoplePicker
                id="proxy-to"
                path="/me/proxy/candidates"
                single
                value={to ? [to] : []}
                onChange={(picked) => setTo(picked[0] ?? '')}
              />
            </Form.Item>
            {/* Two day pickers, one above the other: a range picker's two months, or a day with its
                time columns, ran off a phone's edge; a proxy covers days away. */}
            <Form.Item label={t('proxy.fromDay')} htmlFor="proxy-from">
              <DatePicker id="proxy-from" value={from} onChange={setFrom} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('proxy.untilDay')} htmlFor="proxy-until">
              <DatePicker
                id="proxy-until"
                value={until}
                onChange={setUntil}
                disabledDate={(day) => (from ? day.isBefore(from, 'day') : false)}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Space>
              <Button type="primary" loading={busy} disabled={!to || !from || !until} onClick={save}>
                {t('proxy.save')}
              </Button>
              {answer.proxy && (
                <Button danger loading={busy} onClick={end}>
                  {t('proxy.end')}
                </Button>
              )}
            </Space>
          </Form>
        </Space>
      )}
    </Card>
  );
}
