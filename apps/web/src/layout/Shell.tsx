import { KeyOutlined, LeftOutlined, LogoutOutlined, MenuOutlined, RightOutlined } from '../components/icons';
import { Button, Drawer, Grid, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useUser, useAuth } from '../auth/AuthProvider';
import { Language, setLanguage, useLocalText } from '../i18n';
import { useReference } from '../api/reference';
import { NotificationBell } from '../pages/notifications/NotificationBell';
import { useMayNominateSelf } from '../pages/nominations/useMayNominateSelf';
import { menuFor, navLabel } from './navigation';
import { useNarrow } from './useNarrow';
import { whoText } from './whoText';

/** The phone's sticky header: antd's Layout.Header height, stated so the page can keep clear of it. */
export const PHONE_HEADER_HEIGHT = 64;

// The header holds one line at every width: on a phone the menu button, the short name and the bell;
// wider, the title gives way (ellipsis) before the controls on its right, which never wrap.
const PHONE_HEADER: CSSProperties = {
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
};
const DESKTOP_HEADER: CSSProperties = {
  background: '#fff',
  padding: '0 16px',
  display: 'flex',
  alignItems: 'center',
  gap: 16,
  whiteSpace: 'nowrap',
};

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
  const wide = Grid.useBreakpoint().xl === true;
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
  const signedIn = whoText(
    user.displayName ?? user.username,
    reference ? local(reference.roles[user.role]) : undefined,
  );
  // A long name and role give way (ellipsis, the whole on hover) rather than wrap out of the header:
  // at 240 px beside a tablet's title; from antd's xl (1200 px) the header has room for an
  // enterprise's whole name (the walk's ent-xince at 1440 read 重庆芯测半导体科技有限公司 联系…).
  // In the phone's drawer it wraps instead: a phone has no hover to show the title, and the
  // drawer's header has the lines (the walk's ent-xince at 390 px read 重庆芯测半导体科技有限公司 联…).
  const who = (
    <span
      data-testid="current-user"
      title={signedIn}
      style={
        narrow
          ? { display: 'block', minWidth: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' }
          : {
              minWidth: 0,
              maxWidth: wide ? 480 : 240,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }
      }
    >
      {signedIn}
    </span>
  );
  // One's own password is changed here (the current one asked for), not by an administrator's reset.
  const passwordButton = (
    <Button
      type={narrow ? 'default' : 'text'}
      icon={<KeyOutlined />}
      data-testid="change-password"
      onClick={() => {
        setDrawer(false);
        navigate('/password');
      }}
    >
      {t('changePassword')}
    </Button>
  );
  const logoutButton = (
    <Button icon={<LogoutOutlined />} onClick={() => void logout().then(() => navigate('/login'))}>
      {t('logout')}
    </Button>
  );

  // One tree at every width: crossing the breakpoint (a phone turned, a window narrowed) changes
  // the frame around the page, never the page itself, which would lose a half-filled form.
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? null : (
        <Layout.Sider
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          // antd's own arrow was an image named "left" / "right": named here in the page's language.
          trigger={
            collapsed ? (
              <RightOutlined aria-label={t('menuExpand')} />
            ) : (
              <LeftOutlined aria-label={t('menuCollapse')} />
            )
          }
          width={200}
          theme="light"
        >
          <div style={{ padding: '16px 12px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {collapsed ? null : t('appShort')}
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header style={narrow ? PHONE_HEADER : DESKTOP_HEADER}>
          {narrow ? (
            <>
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
            </>
          ) : (
            <>
              <Typography.Title level={4} ellipsis style={{ margin: 0, flex: 1, minWidth: 120 }}>
                {collapsed ? t('appShort') : t('appTitle')}
              </Typography.Title>
              {language}
              <NotificationBell />
              {who}
              {passwordButton}
              {logoutButton}
            </>
          )}
        </Layout.Header>
        {narrow ? (
          <Drawer
            placement="left"
            open={drawer}
            onClose={() => setDrawer(false)}
            size={280}
            title={who}
            styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
          >
            {menu}
            <Space direction="vertical" style={{ padding: 16 }}>
              {language}
              {passwordButton}
              {logoutButton}
            </Space>
          </Drawer>
        ) : null}
        <Layout.Content style={{ margin: narrow ? 8 : 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
