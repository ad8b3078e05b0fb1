import { LockOutlined } from '../../components/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { useMessage } from '../../components/controlLabels';
import { CENTERED_PAGE, RefusedAlert } from './AccountPage';
import { useAccountSubmit } from './useAccountSubmit';

/** Inside the signed-in frame: below the header, not a page of its own. */
const IN_SHELL = { display: 'flex', justifyContent: 'center', padding: 16 } as const;

/**
 * Shown instead of everything else while the account must change its initial (or expired) password
 * (等保 2.0); `voluntary`: the signed-in user's own 修改密码 (header), with the current password
 * asked for — an administrator's 重置密码 of their own row is refused for that reason.
 */
export function ChangePasswordPage({ voluntary = false }: { voluntary?: boolean }) {
  const { t } = useTranslation();
  const { changePassword, logout } = useAuth();
  const navigate = useNavigate();
  const message = useMessage();
  const { error, busy, submit } = useAccountSubmit(async (v: { current: string; next: string }) => {
    await changePassword(v.current, v.next);
    if (!voluntary) return;
    void message.success(t('passwordChange.done'));
    navigate('/');
  });

  return (
    <div style={voluntary ? IN_SHELL : CENTERED_PAGE}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={4}>
          {t(voluntary ? 'passwordChange.voluntaryTitle' : 'passwordChange.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t(voluntary ? 'passwordChange.voluntaryIntro' : 'passwordChange.intro')}
        </Typography.Paragraph>
        {error && <RefusedAlert title={t('passwordChange.failed', { message: error })} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="current" label={t('passwordChange.current')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="next"
            label={t('passwordChange.next')}
            extra={t('passwordChange.rule')}
            rules={[{ required: true, min: 10 }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('passwordChange.confirm')}
            dependencies={['next']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('next')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('passwordChange.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('passwordChange.submit')}
          </Button>
          {voluntary ? (
            <Button type="link" block onClick={() => navigate(-1)} style={{ marginTop: 8 }}>
              {t('passwordChange.back')}
            </Button>
          ) : (
            <Button type="link" block onClick={logout} style={{ marginTop: 8 }}>
              {t('logout')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
