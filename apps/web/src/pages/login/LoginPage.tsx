import { LockOutlined, UserOutlined } from '../../components/icons';
import { Alert, Button, Card, Divider, Form, Input, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { SsoError, startSingleSignOn } from '../../auth/single-sign-on';
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
  const sso = useSingleSignOn();
  const ssoError = new URLSearchParams(window.location.search).get('ssoError') as SsoError | null;
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
        {ssoError && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t(`login.ssoError.${ssoError}`)}
            style={{ marginBottom: 16 }}
          />
        )}
        {sso && (
          <>
            <Button type="primary" size="large" block onClick={() => startSingleSignOn(sso.loginUrl)}>
              {sso.label ?? t('login.sso')}
            </Button>
            <Divider plain>{t('login.or')}</Divider>
          </>
        )}
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
          <Button type={sso ? 'default' : 'primary'} htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

/** Single sign-on when the API has it configured (GET /api/auth/oidc); null while unknown or off. */
function useSingleSignOn(): { loginUrl: string; label: string | null } | null {
  const [sso, setSso] = useState<{ loginUrl: string; label: string | null } | null>(null);
  useEffect(() => {
    api<{ enabled: boolean; label: string | null; loginUrl: string | null }>('/auth/oidc').then(
      (r) => setSso(r.enabled && r.loginUrl ? { loginUrl: r.loginUrl, label: r.label } : null),
      () => setSso(null),
    );
  }, []);
  return sso;
}
