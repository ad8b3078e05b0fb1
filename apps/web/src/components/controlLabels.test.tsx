import { render, screen } from '@testing-library/react';
import { App, ConfigProvider, DatePicker, Pagination, Tabs, Upload } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { chineseImages, englishNames } from '../test/accessible-names';
import { Popconfirm, UPLOAD_ICONS, useAntdIcons, useMessage, usePagerIcons } from './controlLabels';

/** The app's ConfigProvider as App.tsx gives it: antd's locale and its icons (controlLabels.tsx). */
function Provider({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} {...useAntdIcons()}>
      {children}
    </ConfigProvider>
  );
}

/** What the main pages' test does not open: a date picker, a confirmation, an upload's files, tabs. */
function Controls() {
  return (
    <>
      <DatePicker />
      <DatePicker.RangePicker />
      <Popconfirm title="确认？" open>
        <button type="button">撤回</button>
      </Popconfirm>
      <Upload
        {...UPLOAD_ICONS}
        showUploadList={{ ...(UPLOAD_ICONS.showUploadList as object), showDownloadIcon: true }}
        defaultFileList={[{ uid: '1', name: '技术中心认定.pdf', status: 'done', url: '/files/1' }]}
      >
        <button type="button">上传</button>
      </Upload>
      <Tabs items={[1, 2, 3].map((n) => ({ key: String(n), label: `第 ${n} 项`, children: n }))} />
    </>
  );
}

const renderControls = () =>
  render(
    <Provider>
      <Controls />
    </Provider>,
  );

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('antd controls’ names (controlLabels)', () => {
  it('names no control or image in English in zh-CN: date pickers, a Popconfirm, an upload’s file list, tabs', () => {
    renderControls();
    expect(englishNames()).toEqual([]);
    // The file's buttons named by antd's locale alone, their icons silent.
    expect(screen.getByRole('button', { name: '删除文件' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载文件' })).toBeInTheDocument();
  });

  it('names them in English, no icon in Chinese, where English is chosen', async () => {
    await i18n.changeLanguage('en');
    renderControls();
    expect(chineseImages()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Remove file' })).toBeInTheDocument();
  });
});

describe('the tabs’ overflow button', () => {
  // Hidden until the tabs overflow (jsdom lays nothing out): shown here, as when they do.
  const more = () => {
    const button = document.querySelector<HTMLElement>('.ant-tabs-nav-more')!;
    button.style.visibility = 'visible';
    return button;
  };

  it('is 更多 in zh-CN and More in English, not "ellipsis"', async () => {
    const { unmount } = renderControls();
    expect(more()).toHaveAccessibleName('更多');
    unmount();
    await i18n.changeLanguage('en');
    renderControls();
    expect(more()).toHaveAccessibleName('More');
  });
});

/** Shows a success and an error message, as a page's action does (App.useApp() under the ConfigProvider). */
function Messages() {
  const message = useMessage();
  useEffect(() => {
    void message.success('已保存');
    void message.error({ content: '保存失败' });
  }, [message]);
  return null;
}

describe('messages (useMessage)', () => {
  const renderMessages = () =>
    render(
      <Provider>
        <App>
          <Messages />
        </App>
      </Provider>,
    );

  it('announce their text alone: no icon named "check-circle" or "close-circle"', async () => {
    renderMessages();
    await screen.findByText('保存失败');
    expect(screen.getByText('已保存')).toBeInTheDocument();
    expect(englishNames()).toEqual([]);
    // antd's icons, still drawn.
    expect(
      document.querySelectorAll('.ant-message .anticon-check-circle, .ant-message .anticon-close-circle'),
    ).toHaveLength(2);
  });
});

/** A pager of many pages, its icons from usePagerIcons under the provider around it. */
function Pager() {
  return <Pagination total={500} {...usePagerIcons()} />;
}

describe('the pager’s icons (usePagerIcons)', () => {
  it('names its arrows, hides its five-page jumps’ icons, and takes the class prefix from the ConfigProvider', () => {
    render(
      <Provider>
        <ConfigProvider prefixCls="hx">
          <Pager />
        </ConfigProvider>
      </Provider>,
    );
    expect(englishNames()).toEqual([]);
    const next = screen.getByRole('button', { name: '下一页' });
    // antd's own class under the chosen prefix: its arrows' style follows.
    expect(next).toHaveClass('hx-pagination-item-link');
    expect(screen.getByRole('button', { name: '上一页' })).toHaveClass('hx-pagination-item-link');
    expect(document.querySelector('.hx-pagination-jump-next .hx-pagination-item-link-icon')).not.toBeNull();
  });
});
