import { ADMIN_ROLES, ROLES } from '@hardtech/domain/roles';
import { Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useReference } from '../../api/reference';
import { useAction } from '../../api/useAction';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { parsePath } from '../../components/forms/fieldErrors';
import { useLocalText } from '../../i18n';
import { ScopeFields } from './ScopeFields';
import { requiredScope, User } from './users';

interface Values extends Pick<User, 'username' | 'displayName' | 'role' | 'scope'> {
  password?: string;
}

/** Creates a user (`user` absent) or changes one's name, role and scope. */
export function UserFormModal({ user, onClose }: { user?: User; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation('admin');
  const local = useLocalText();
  const reference = useReference();
  const me = useUser();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const scopeKeys = requiredScope(role);
  const save = useAction((v: Values) => {
    // Only the scope the role uses is sent: a district left over from another role would widen it.
    const scope = Object.fromEntries(scopeKeys.map((k) => [k, v.scope?.[k]]));
    return user
      ? api<User>(`/users/${user.username}`, {
          method: 'PATCH',
          body: { displayName: v.displayName, role: v.role, scope },
        })
      : api<User>('/users', { body: { ...v, scope } });
  });

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (await save.run(values)) return onClose(true);
  };
  const refusal = save.error;
  useEffect(() => {
    // The server's reasons beside the inputs they concern (password rules, unknown codes …).
    if (refusal instanceof ApiError)
      form.setFields(
        refusal.details.map((d) => ({ name: parsePath(d.field) as never, errors: [d.message] })),
      );
  }, [refusal, form]);

  // 只有系统管理员可以创建三员账号 (the server refuses it to 科技处 as well).
  const roles = ROLES.filter((r) => !ADMIN_ROLES.includes(r) || me.role === 'system_admin');
  const own = user?.username === me.username;
  return (
    <Modal
      open
      title={user ? t('users.edit', { name: user.username }) : t('users.create')}
      onOk={submit}
      okButtonProps={{ loading: save.busy, 'data-testid': 'user-save' } as ButtonProps}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <ErrorAlert error={refusal} />
      <Form form={form} name="user" layout="vertical" initialValues={user} data-testid="user-form">
        <Form.Item name="username" label={t('users.fields.username')} rules={[{ required: true }]}>
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.fields.displayName')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.fields.password')}
            extra={t('users.passwordRule')}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {/* One's own role is not one's to change (the server refuses it, 422 OWN_ACCOUNT). */}
        <Form.Item
          name="role"
          label={t('users.fields.role')}
          rules={[{ required: true }]}
          extra={own ? t('users.ownRole') : undefined}
        >
          <Select
            disabled={own}
            options={roles.map((r) => ({ value: r, label: local(reference?.roles[r]) || r }))}
          />
        </Form.Item>
        <ScopeFields keys={scopeKeys} />
      </Form>
    </Modal>
  );
}
