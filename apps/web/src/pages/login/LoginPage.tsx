import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { Language, setLanguage } from '../../i18n';
import { homeFor } from '../../layout/navigation';
import { CENTERED_PAGE, RefusedAlert } from './AccountPage';
import { useAccountSubmit } from './useAccountSubmit';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { user, login } = useAuth();
  const { error, busy, submit } = useAccountSubmit(
    ({ username, password }: { username: string; password: string }) => login(username, password),
  );
  if (user) return <Navigate to={homeFor(user.role)} replace />;

  return (
    <div style={CENTERED_PAGE}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Segmented
            size="small"
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en' },
            ]}
            onChange={(value) => setLanguage(value as Language)}
          />
        </div>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('appTitle')}
        </Typography.Title>
        {error && <RefusedAlert title={t('login.failed', { message: error })} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
