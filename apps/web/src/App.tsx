import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { AuthProvider } from './auth/AuthProvider';
import { useAntdIcons } from './components/controlLabels';
import { useNarrow } from './layout/useNarrow';
import { AppRoutes } from './routes';

export function App() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en' : 'zh-cn');
  // On a phone every control is at least 40 px high: a fingertip, not a mouse pointer.
  const narrow = useNarrow();
  // antd's own icons hidden or named in the page's language (controlLabels.tsx).
  const icons = useAntdIcons();
  const token = narrow ? { colorPrimary: '#1f5fbf', controlHeight: 40 } : { colorPrimary: '#1f5fbf' };
  return (
    // No space between two Chinese characters on a button: 退回 reads as a word, not "退 回".
    <ConfigProvider
      locale={en ? enUS : zhCN}
      theme={{ token }}
      button={{ autoInsertSpace: false }}
      {...icons}
    >
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
