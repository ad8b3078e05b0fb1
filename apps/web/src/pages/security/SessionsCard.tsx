import { Button, Card, Empty, Input, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { usePagedList } from '../../api/usePagedList';
import { useReferenceNames } from '../../api/referenceNames';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PersonName } from '../../components/PersonName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { PhonePager } from '../../components/PhonePager';
import { useClearable, Popconfirm } from '../../components/controlLabels';
import { dateTimeSecondsText, dateTimeText } from '../../format';
import { useLocalText } from '../../i18n';
import { useNarrow } from '../../layout/useNarrow';
import type { Lockout, Session } from './security';

/** Live sessions, each revocable, and locked accounts, each unlockable. */
export function SessionsCard() {
  const { t } = useTranslation('admin');
  const local = useLocalText();
  const { reference } = useReferenceNames();
  // A page at a time: one row per sign-in grew long on a phone (ui-walk-7); the API pages it.
  const sessions = usePagedList<Session>('/security/sessions', 20, 100);
  const lockouts = useApi<{ items: Lockout[] }>('/security/lockouts');
  // 204 answers nothing: `true` tells a done removal from a refused one (undefined).
  const remove = useAction((path: string) => api<void>(path, { method: 'DELETE' }).then(() => true));
  const run = (path: string, then: () => void) => void remove.run(path).then((done) => done && then());
  const role = (r: Session['role']) => local(reference?.roles[r]) || r;
  // People by name, the account beside it: the one the administrator revokes or unlocks.
  const person = (_: unknown, p: Pick<Session, 'username' | 'displayName'>) => <PersonName {...p} />;
  const narrow = useNarrow();
  const clear = useClearable();
  const revoke = (s: Session, size?: 'small') => (
    <Popconfirm
      title={t('security.sessions.confirmRevoke', { name: s.displayName })}
      onConfirm={() => run(`/security/sessions/${s.id}`, sessions.reload)}
    >
      <Button type="link" size={size} danger data-testid={`revoke-${s.id}`}>
        {t('security.sessions.revoke')}
      </Button>
    </Popconfirm>
  );

  const sessionColumns: ColumnsType<Session> = [
    { title: t('security.sessions.username'), key: 'user', width: 170, render: person },
    { title: t('security.sessions.role'), dataIndex: 'role', width: 130, render: role },
    { title: t('security.sessions.clientAddress'), dataIndex: 'clientAddress', width: 150 },
    {
      title: t('security.sessions.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: dateTimeSecondsText,
    },
    {
      title: t('security.sessions.lastSeenAt'),
      dataIndex: 'lastSeenAt',
      width: 170,
      render: dateTimeSecondsText,
    },
    { title: t('security.sessions.endsAt'), dataIndex: 'endsAt', width: 170, render: dateTimeSecondsText },
    {
      title: '',
      key: 'revoke',
      width: 90,
      render: (_, s) => revoke(s, 'small'),
    },
  ];
  const lockoutColumns: ColumnsType<Lockout> = [
    { title: t('security.sessions.username'), key: 'user', width: 170, render: person },
    { title: t('security.sessions.role'), dataIndex: 'role', width: 130, render: role },
    {
      title: t('security.lockouts.lockedUntil'),
      dataIndex: 'lockedUntil',
      width: 170,
      render: dateTimeSecondsText,
    },
    {
      title: '',
      key: 'unlock',
      width: 90,
      render: (_, l) => (
        <Button
          type="link"
          size="small"
          data-testid={`unlock-${l.username}`}
          onClick={() => run(`/security/lockouts/${l.username}`, lockouts.reload)}
        >
          {t('security.lockouts.unlock')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Card title={t('security.sessions.title')} data-testid="security-sessions" style={{ marginTop: 16 }}>
        <ErrorAlert error={sessions.error} />
        {/* The API filters by account (exact), in SQL as it pages. */}
        <Input.Search
          aria-label={t('security.sessions.filter')}
          placeholder={t('security.sessions.filter')}
          allowClear={clear}
          maxLength={64}
          style={{ maxWidth: narrow ? undefined : 280, marginBottom: 12 }}
          data-testid="sessions-filter"
          onSearch={(value) => sessions.search(value.trim() ? { username: value.trim() } : {})}
        />
        {narrow ? (
          <SessionRows
            sessions={sessions.table.dataSource ?? []}
            loading={sessions.table.loading}
            role={role}
            revoke={revoke}
          />
        ) : (
          <ResponsiveTable rowKey="id" columns={sessionColumns} {...sessions.table} />
        )}
        {narrow && <PhonePager {...sessions.table.pagination} />}
      </Card>
      <Card title={t('security.lockouts.title')} data-testid="security-lockouts" style={{ marginTop: 16 }}>
        <ErrorAlert error={lockouts.error ?? remove.error} />
        <ResponsiveTable
          rowKey="username"
          columns={lockoutColumns}
          dataSource={lockouts.data?.items ?? []}
          loading={lockouts.loading}
          pagination={false}
        />
      </Card>
    </>
  );
}

/**
 * The sessions on a phone: one compact row each (who, where from, since when, 强制下线), not a card of
 * seven label lines: a page of 20 ran to 6,400 px.
 */
function SessionRows({
  sessions,
  loading,
  role,
  revoke,
}: {
  sessions: Session[];
  loading: boolean;
  role(r: Session['role']): string;
  revoke(s: Session): ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <Spin spinning={loading}>
      {sessions.length === 0 && !loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {sessions.map((s) => (
        <div
          key={s.id}
          data-testid="session-row"
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            padding: '6px 0',
            borderBottom: '1px solid rgba(5,5,5,0.06)',
          }}
        >
          <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            <PersonName username={s.username} displayName={s.displayName} />{' '}
            {/* The role moves to the next line whole: 中小企业处 broke as 中 / 小企业处 at 390 px. */}
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              · {role(s.role)}
            </Typography.Text>
            <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 13 }}>
              {t('security.sessions.fromSince', {
                address: s.clientAddress ?? t('security.sessions.noAddress'),
                time: dateTimeText(s.createdAt),
              })}
            </div>
          </div>
          {revoke(s)}
        </div>
      ))}
    </Spin>
  );
}
