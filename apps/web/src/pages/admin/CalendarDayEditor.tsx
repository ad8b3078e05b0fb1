import { Alert, Button, Card, Input, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CalendarDay } from './calendar';

/** Marks the chosen day as off or worked, or removes an administrator's correction of it. */
export function CalendarDayEditor({
  date,
  day,
  onChanged,
}: {
  date: Dayjs;
  day: CalendarDay | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation('admin');
  const weekend = date.day() === 0 || date.day() === 6;
  // The useful correction is the opposite of what the day is now.
  const [kind, setKind] = useState<CalendarDay['kind']>(
    day ? (day.kind === 'holiday' ? 'workday' : 'holiday') : weekend ? 'workday' : 'holiday',
  );
  const [name, setName] = useState(day?.name ?? '');
  const iso = date.format('YYYY-MM-DD');
  const change = useAction((method: 'PUT' | 'DELETE') =>
    api(`/admin/calendar/${iso}`, {
      method,
      body: method === 'PUT' ? { kind, ...(name.trim() ? { name: name.trim() } : {}) } : undefined,
    }),
  );
  const run = (method: 'PUT' | 'DELETE') =>
    void change.run(method).then((r) => r !== undefined && onChanged());
  const now = day ? t(`calendar.kinds.${day.kind}`) : t(weekend ? 'calendar.weekend' : 'calendar.weekday');

  return (
    <Card size="small" title={t('calendar.editTitle', { date: iso })} data-testid="day-editor">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('calendar.now', { what: now })}
          {day?.name ? `（${day.name}）` : ''}
          {day?.source === 'override' ? ` · ${t('calendar.override')}` : ''}
        </Typography.Text>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={[
            { value: 'holiday', label: t('calendar.kinds.holiday') },
            { value: 'workday', label: t('calendar.kinds.workday') },
          ]}
        />
        <Input
          aria-label={t('calendar.name')}
          placeholder={t('calendar.nameHint')}
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Alert type="info" showIcon title={t('calendar.appliesLater')} />
        <ErrorAlert error={change.error} />
        <Space>
          <Button type="primary" loading={change.busy} onClick={() => run('PUT')} data-testid="day-save">
            {t('calendar.save')}
          </Button>
          {day?.source === 'override' && (
            <Button danger loading={change.busy} onClick={() => run('DELETE')} data-testid="day-unset">
              {t('calendar.unset')}
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}
