import { Calendar, Card, Col, Row, Space, Tag } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CalendarDay, CalendarYear } from './calendar';
import { CalendarCoverageBanner } from './CalendarCoverageBanner';
import { CalendarDayEditor } from './CalendarDayEditor';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** 休 for a day off, 班 for a worked weekend day (调休), outlined when an administrator set it. */
function DayMark({ day }: { day: CalendarDay }) {
  const { t } = useTranslation('admin');
  return (
    <Tag
      color={day.kind === 'holiday' ? 'red' : 'blue'}
      variant={day.source === 'override' ? 'outlined' : 'filled'}
      data-testid={`mark-${day.date}`}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`calendar.marks.${day.kind}`)}
      {day.source === 'override' ? '*' : ''} {day.name}
    </Tag>
  );
}

export function CalendarPage() {
  const { t } = useTranslation('admin');
  const [selected, setSelected] = useState<Dayjs>(() => dayjs());
  const year = selected.year();
  const { data, error, reload } = useApi<CalendarYear>('/admin/calendar', { year });
  const byDate = useMemo(() => new Map((data?.days ?? []).map((d) => [d.date, d])), [data]);
  const overrides = (data?.days ?? []).filter((d) => d.source === 'override');
  const selectedDay = byDate.get(selected.format('YYYY-MM-DD'));

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <CalendarCoverageBanner onConfirmed={reload} />
      </Col>
      <Col xs={24} xl={16}>
        <Card title={t('calendar.title')} extra={t('calendar.legend')} data-testid="calendar">
          <ErrorAlert error={error} />
          <Calendar
            value={selected}
            onSelect={(date) => setSelected(date)}
            onPanelChange={(date) => setSelected(date)}
            cellRender={(date, info) => {
              if (info.type !== 'date') return info.originNode;
              const day = byDate.get(date.format('YYYY-MM-DD'));
              return day ? <DayMark day={day} /> : null;
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <CalendarDayEditor
            key={`${selected.format('YYYY-MM-DD')}:${selectedDay?.kind}:${selectedDay?.source}`}
            date={selected}
            day={selectedDay}
            onChanged={reload}
          />
          <Card size="small" title={t('calendar.overrides', { year })} data-testid="overrides">
            <ResponsiveTable<CalendarDay>
              size="small"
              rowKey="date"
              pagination={false}
              dataSource={overrides}
              onRow={(d) => ({ onClick: () => setSelected(dayjs(d.date)), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('calendar.date'), dataIndex: 'date' },
                { title: t('calendar.kind'), dataIndex: 'kind', render: (k) => t(`calendar.kinds.${k}`) },
                { title: t('calendar.name'), dataIndex: 'name' },
              ]}
            />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
