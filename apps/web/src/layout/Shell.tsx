import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useUser, useAuth } from '../auth/AuthProvider';
import { Language, setLanguage, useLocalText } from '../i18n';
import { useReference } from '../api/reference';
import { NotificationBell } from '../pages/notifications/NotificationBell';
import { allows, NAVIGATION } from './navigation';

/** The frame of every page after sign-in: navigation by role, language switch, the signed-in user. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const local = useLocalText();
  const reference = useReference();
  const [collapsed, setCollapsed] = useState(false);
  const items = NAVIGATION.filter((item) => allows(item, user.role)).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: t(`nav.${item.key}`),
  }));
  const selected = items
    .map((i) => i.key)
    .filter((path) => location.pathname.startsWith(path))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={200}
        theme="light"
      >
        <div style={{ padding: '16px 12px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? null : t('appShort')}
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected}
          onClick={({ key }) => navigate(key)}
          data-testid="nav"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {t('appTitle')}
          </Typography.Title>
          <Space size="middle">
            <Segmented
              aria-label={t('language')}
              value={i18n.language === 'en' ? 'en' : 'zh-CN'}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'EN', value: 'en' },
              ]}
              onChange={(value) => setLanguage(value as Language)}
            />
            <NotificationBell />
            <span data-testid="current-user">
              {user.displayName ?? user.username}
              {reference ? ` · ${local(reference.roles[user.role])}` : ''}
            </span>
            <Button icon={<LogoutOutlined />} onClick={() => void logout().then(() => navigate('/login'))}>
              {t('logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
