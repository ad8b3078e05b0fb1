import { mayNameProxy } from '@hardtech/domain/approval-actions/proxy';
import { Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useUser } from '../../auth/AuthProvider';
import { useReference } from '../../api/reference';
import { useAction } from '../../api/useAction';
import { usePagedList } from '../../api/usePagedList';
import { ChoiceBar } from '../../components/ChoiceBar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { dateTimeSecondsText } from '../../format';
import { useLocalText } from '../../i18n';
import { useNarrow } from '../../layout/useNarrow';
import { Notification, NOTIFICATIONS_READ } from './notification';
import { NotificationPreferencesCard } from './NotificationPreferencesCard';
import { ProxyCard } from './ProxyCard';
import { TaskLink } from '../../components/TaskLink';
import { usePagerIcons } from '../../components/controlLabels';

const KIND_COLORS: Record<Notification['kind'], string> = {
  task_opened: 'blue',
  reminder: 'gold',
  escalation: 'red',
  urge: 'volcano',
  cc: 'geekblue',
  reopened: 'volcano',
  problem_decided: 'green',
  whistle_answered: 'green',
  digest: 'cyan',
  briefing: 'purple',
  calendar: 'orange',
};

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const pager = usePagerIcons();
  const local = useLocalText();
  const reference = useReference();
  const { role } = useUser();
  const list = usePagedList<Notification, { unread: number }>('/notifications', 20, 100);
  const unread = list.data?.unread ?? 0;
  const narrow = useNarrow();
  // 全部 / 未读: both choices in sight with the one shown marked (a switch read only 全部, not what it
  // would turn to); the unread one counts them.
  const [shown, setShown] = useState<'all' | 'unread'>('all');
  const show = (next: string) => {
    setShown(next === 'unread' ? 'unread' : 'all');
    list.search({ unread: next === 'unread' ? 'true' : undefined });
  };
  const { current, pageSize, total, onChange, showTotal } = list.table.pagination;
  const mark = useAction((path: string) => api(path, { method: 'POST' }));
  const read = (path: string) =>
    void mark.run(path).then(() => {
      list.reload();
      window.dispatchEvent(new Event(NOTIFICATIONS_READ));
    });

  const controls = (
    <Space wrap>
      <ChoiceBar
        data-testid="notifications-shown"
        value={shown}
        onChange={show}
        options={[
          { value: 'all', label: t('shown.all') },
          { value: 'unread', label: t('shown.unread', { n: unread }) },
        ]}
      />
      <Button disabled={!unread} onClick={() => read('/notifications/read-all')} data-testid="read-all">
        {t('readAll', { n: unread })}
      </Button>
    </Space>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card
          title={t('title')}
          data-testid="notifications"
          // On a phone the header holds the title alone: beside the choices it shrank to 消…
          extra={narrow ? undefined : controls}
        >
          {narrow && <div style={{ marginBottom: 12 }}>{controls}</div>}
          <ErrorAlert error={list.error ?? mark.error} />
          <List<Notification>
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            pagination={{ ...pager, current, pageSize, total, onChange, showTotal, align: 'end' }}
            renderItem={(n) => (
              <List.Item
                data-testid={`notification-${n.id}`}
                style={{ background: n.read ? undefined : '#f0f5ff', paddingInline: 12 }}
              >
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <Tag color={KIND_COLORS[n.kind]}>{t(`kinds.${n.kind}`)}</Tag>
                      {n.taskOpen === false && (
                        <Tag data-testid="task-closed">
                          {t(n.taskStatus === 'cancelled' ? 'taskCancelled' : 'taskClosed')}
                        </Tag>
                      )}
                      <Typography.Text strong={!n.read} type={n.taskOpen === false ? 'secondary' : undefined}>
                        {local(n.text)}
                      </Typography.Text>
                    </Space>
                  }
                  description={
                    // On a phone the time and 标为已读 are a line of their own: wrapped with the links,
                    // a separator was left at a line's end or start (· 2026-12-08 06:52:28).
                    <Space
                      wrap
                      split={narrow ? undefined : '·'}
                      orientation={narrow ? 'vertical' : 'horizontal'}
                      size={narrow ? 0 : 'small'}
                    >
                      {(n.creditCode || (n.taskId && n.taskType) || (n.kind === 'briefing' && n.quarter)) && (
                        <Space wrap split="·" data-testid="notification-links">
                          {n.creditCode && (
                            <Link to={`/enterprises/${n.creditCode}`}>{n.enterpriseName}</Link>
                          )}
                          {n.taskId && n.taskType && (
                            <TaskLink id={n.taskId}>
                              {local(reference?.taskTypes[n.taskType]) || n.taskType}
                            </TaskLink>
                          )}
                          {n.kind === 'briefing' && n.quarter && (
                            <ExportButton
                              path="/reports/dispatch-briefing.docx"
                              fileName={`调度会材料-${n.quarter}.docx`}
                              query={{ quarter: n.quarter }}
                              label={t('downloadBriefing')}
                              testId="download-briefing"
                            />
                          )}
                        </Space>
                      )}
                      <Space wrap split="·" data-testid="notification-when">
                        <span>{dateTimeSecondsText(n.createdAt)}</span>
                        {/* In the description, not beside the text: on a phone a side column squeezes the text. */}
                        {!n.read && (
                          <Button
                            type="link"
                            size="small"
                            style={{ padding: 0, height: 'auto' }}
                            onClick={() => read(`/notifications/${n.id}/read`)}
                          >
                            {t('markRead')}
                          </Button>
                        )}
                      </Space>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <NotificationPreferencesCard />
          {/* 委托代理 where the server lets one be named: a case officer's personal tasks. */}
          {mayNameProxy(role) && <ProxyCard />}
        </Space>
      </Col>
    </Row>
  );
}
