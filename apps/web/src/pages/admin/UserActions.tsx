import { Button, Input, Popover, Space } from 'antd';
import { Popconfirm } from '../../components/controlLabels';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { User } from './users';

/**
 * Per-user changes that take one click: edit, deactivate or reactivate, unlock, reset the password.
 * Not 停用 on the caller's own row: the server refuses it (422 OWN_ACCOUNT), so the walk's
 * administrator was offered a button only to be told no. Nor 重置密码, which would skip the current
 * password: their own is changed by 修改密码 (/password), as everyone's.
 */
export function UserActions({ user, onEdit, onChanged }: { user: User; onEdit(): void; onChanged(): void }) {
  const { t } = useTranslation('admin');
  const own = useUser().username === user.username;
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const patch = useAction((body: Record<string, unknown>) =>
    api<User>(`/users/${user.username}`, { method: 'PATCH', body }),
  );
  const apply = (body: Record<string, unknown>) => void patch.run(body).then((u) => u && onChanged());

  return (
    <Space size={0} wrap data-testid={`user-actions-${user.username}`}>
      <Button type="link" size="small" onClick={onEdit}>
        {t('users.actions.edit')}
      </Button>
      {!own && (
        <Popconfirm
          title={t(user.active ? 'users.confirmDeactivate' : 'users.confirmActivate', {
            name: user.username,
          })}
          onConfirm={() => apply({ active: !user.active })}
        >
          <Button type="link" size="small" danger={user.active}>
            {t(user.active ? 'users.actions.deactivate' : 'users.actions.activate')}
          </Button>
        </Popconfirm>
      )}
      {user.lockedUntil && (
        <Button type="link" size="small" onClick={() => apply({ unlock: true })}>
          {t('users.actions.unlock')}
        </Button>
      )}
      {own ? (
        <Button type="link" size="small" data-testid="own-password" onClick={() => navigate('/password')}>
          {t('common:changePassword')}
        </Button>
      ) : (
        <Popover
          trigger="click"
          title={t('users.actions.resetPassword')}
          content={
            <Space orientation="vertical">
              <Input.Password
                aria-label={t('users.fields.newPassword')}
                placeholder={t('users.passwordRule')}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <Button
                type="primary"
                size="small"
                disabled={!password}
                loading={patch.busy}
                onClick={() => apply({ password })}
              >
                {t('users.actions.resetPassword')}
              </Button>
            </Space>
          }
        >
          <Button type="link" size="small">
            {t('users.actions.resetPassword')}
          </Button>
        </Popover>
      )}
      <ErrorAlert error={patch.error} />
    </Space>
  );
}
