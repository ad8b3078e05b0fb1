import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useUser, useAuth } from '../auth/AuthProvider';
import { Language, setLanguage, useLocalText } from '../i18n';
import { useReference } from '../api/reference';
import { NotificationBell } from '../pages/notifications/NotificationBell';
import { useMayNominateSelf } from '../pages/nominations/useMayNominateSelf';
import { menuFor, navLabel } from './navigation';
import { useNarrow } from './useNarrow';

/** The phone's sticky header: antd's Layout.Header height, stated so the page can keep clear of it. */
export const PHONE_HEADER_HEIGHT = 64;

/**
 * On a phone the header stays on top of the page: a jump to a card (the task page's 办理, a section
 * brought into view) would stop with the card's top behind it. The page scrolls with that much
 * room kept at the top (scroll-padding on the root), for every jump at once.
 */
function useClearOfStickyHeader(narrow: boolean) {
  useEffect(() => {
    if (!narrow) return;
    const root = document.documentElement;
    root.style.scrollPaddingTop = `${PHONE_HEADER_HEIGHT + 8}px`;
    return () => {
      root.style.scrollPaddingTop = '';
    };
  }, [narrow]);
}

/**
 * The frame of every page after sign-in: navigation by role, language switch, the signed-in user.
 * On a phone the navigation, the user and the language switch move into a drawer behind a menu
 * button, so the header keeps one line.
 */
export function Shell() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const local = useLocalText();
  const reference = useReference();
  const [collapsed, setCollapsed] = useState(false);
  const mayNominate = useMayNominateSelf();
  const items = menuFor(user.role)
    .filter((item) => item.key !== 'nominate' || mayNominate)
    .map((item) => ({
      key: item.path,
      icon: item.icon,
      label: t(`nav.${navLabel(item, user.role)}`),
    }));
  const selected = items
    .map((i) => i.key)
    .filter((path) => location.pathname.startsWith(path))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  const narrow = useNarrow();
  useClearOfStickyHeader(narrow);
  const [drawer, setDrawer] = useState(false);
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key);
      }}
      data-testid="nav"
    />
  );
  const language = (
    <Segmented
      aria-label={t('language')}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={(value) => setLanguage(value as Language)}
    />
  );
  const who = (
    <span data-testid="current-user" style={{ wordBreak: 'keep-all' }}>
      {user.displayName ?? user.username}
      {reference ? ` · ${local(reference.roles[user.role])}` : ''}
    </span>
  );
  const logoutButton = (
    <Button icon={<LogoutOutlined />} onClick={() => void logout().then(() => navigate('/login'))}>
      {t('logout')}
    </Button>
  );

  if (narrow) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={{
            background: '#fff',
            height: PHONE_HEADER_HEIGHT,
            // More room on the right: the bell's unread count sits above its top-right corner.
            padding: '0 16px 0 8px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('menu')}
            data-testid="nav-toggle"
            onClick={() => setDrawer(true)}
          />
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0, fontSize: 16 }}>
            {t('appShort')}
          </Typography.Text>
          <NotificationBell />
        </Layout.Header>
        <Drawer
          placement="left"
          open={drawer}
          onClose={() => setDrawer(false)}
          width={280}
          title={who}
          styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
        >
          {menu}
          <Space direction="vertical" style={{ padding: 16 }}>
            {language}
            {logoutButton}
          </Space>
        </Drawer>
        <Layout.Content style={{ margin: 8, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    );
  }

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
        {menu}
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
            {language}
            <NotificationBell />
            {who}
            {logoutButton}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
