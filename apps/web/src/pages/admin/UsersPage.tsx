import { PlusOutlined } from '../../components/icons';
import { OWNER_DEPARTMENTS } from '@hardtech/domain/ledger';
import { ROLES } from '@hardtech/domain/roles';
import { Button, Card, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReferenceNames } from '../../api/referenceNames';
import { usePagedList } from '../../api/usePagedList';
import type { Query } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FoldedFilters } from '../../components/FoldedFilters';
import { dateTimeSecondsText } from '../../format';
import { useLocalText } from '../../i18n';
import { UserActions } from './UserActions';
import { UserFormModal } from './UserFormModal';
import type { User } from './users';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { columnsWidth } from '../../components/tableWidth';
import { useClearable } from '../../components/controlLabels';
import { useUser } from '../../auth/AuthProvider';

export function UsersPage() {
  const { t } = useTranslation('admin');
  const clear = useClearable();
  const me = useUser();
  const local = useLocalText();
  const { reference, district: districtName, cluster: clusterName } = useReferenceNames();
  const { error, search, reload, table } = usePagedList<User>('/users', 20, 100);
  // null: no dialog; undefined: a new user; a user: editing that one.
  const [editing, setEditing] = useState<User | undefined | null>(null);
  const [narrowing, setNarrowing] = useState(0);

  const scopeText = (u: User) =>
    [
      ...(u.scope.districts ?? []).map(districtName),
      ...(u.scope.clusters ?? []).map(clusterName),
      ...(u.scope.creditCodes ?? []),
      ...(u.scope.department
        ? [local(OWNER_DEPARTMENTS.find((d) => d.value === u.scope.department)?.label)]
        : []),
    ].join('、');

  // Widths that add up to what a 1366 px screen has (components/tableWidth): scrolled 1,200 px wide,
  // the table hid 创建时间 under the fixed 操作 column at 1440 px already.
  const columns: ColumnsType<User> = [
    {
      title: t('users.fields.username'),
      dataIndex: 'username',
      width: 130,
      fixed: 'left',
      // The caller's own row says so: it offers no 停用 and its role is not theirs to change.
      render: (name: string) => (
        <>
          {name}
          {name === me.username && (
            <Tag style={{ marginInlineStart: 4 }} data-testid="own-account">
              {t('users.own')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('users.fields.displayName'), dataIndex: 'displayName', width: 140 },
    {
      title: t('users.fields.role'),
      dataIndex: 'role',
      width: 130,
      render: (r: User['role']) => local(reference?.roles[r]) || r,
    },
    { title: t('users.fields.scope'), key: 'scope', width: 160, render: (_, u) => scopeText(u) },
    {
      title: t('users.fields.state'),
      key: 'state',
      width: 100,
      render: (_, u) => (
        <>
          <Tag color={u.active ? 'green' : 'default'}>{t(u.active ? 'users.active' : 'users.inactive')}</Tag>
          {u.lockedUntil && <Tag color="orange">{t('users.locked')}</Tag>}
        </>
      ),
    },
    { title: t('users.fields.createdAt'), dataIndex: 'createdAt', width: 160, render: dateTimeSecondsText },
    {
      title: t('users.fields.actions'),
      key: 'actions',
      width: 230,
      fixed: 'right',
      render: (_, u) => <UserActions user={u} onEdit={() => setEditing(u)} onChanged={reload} />,
    },
  ];

  return (
    <Card
      title={t('users.title')}
      data-testid="users"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing(undefined)}
          data-testid="user-create"
        >
          {t('users.create')}
        </Button>
      }
    >
      {/* The space below is the block's, not the form's: on a phone the folded 筛选 button touched
          the first user's card (the form, and its margin, hidden with it). */}
      <div data-testid="user-filters-block" style={{ marginBottom: 16 }}>
        <FoldedFilters count={narrowing} testId="user-filters-toggle">
          <Form
            name="userFilters"
            layout="inline"
            style={{ rowGap: 8 }}
            onValuesChange={(_, all: Query) => {
              setNarrowing(Object.values(all).filter(Boolean).length);
              search(all);
            }}
            data-testid="user-filters"
          >
            <Form.Item name="q" label={t('users.search')}>
              <Input allowClear={clear} maxLength={100} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="role" label={t('users.fields.role')}>
              <Select
                allowClear={clear}
                style={{ width: 180 }}
                options={ROLES.map((r) => ({ value: r, label: local(reference?.roles[r]) || r }))}
              />
            </Form.Item>
            <Form.Item name="active" label={t('users.fields.state')}>
              <Select
                allowClear={clear}
                style={{ width: 110 }}
                options={[
                  { value: 'true', label: t('users.active') },
                  { value: 'false', label: t('users.inactive') },
                ]}
              />
            </Form.Item>
          </Form>
        </FoldedFilters>
      </div>
      <ErrorAlert error={error} />
      <ResponsiveTable<User>
        data-testid="users-table"
        rowKey="username"
        size="small"
        columns={columns}
        scroll={{ x: columnsWidth(columns) }}
        {...table}
      />
      {editing !== null && (
        <UserFormModal
          user={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      )}
    </Card>
  );
}
