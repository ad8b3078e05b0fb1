import { LockOutlined } from '../../components/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { CENTERED_PAGE, RefusedAlert } from './AccountPage';
import { useAccountSubmit } from './useAccountSubmit';

/** Shown instead of everything else while the account must change its initial password (等保 2.0). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { changePassword, logout } = useAuth();
  const { error, busy, submit } = useAccountSubmit((v: { current: string; next: string }) =>
    changePassword(v.current, v.next),
  );

  return (
    <div style={CENTERED_PAGE}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={4}>{t('passwordChange.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('passwordChange.intro')}</Typography.Paragraph>
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
          <Button type="link" block onClick={logout} style={{ marginTop: 8 }}>
            {t('logout')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
