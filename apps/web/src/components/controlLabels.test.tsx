import { render, screen } from '@testing-library/react';
import { ConfigProvider, DatePicker, Tabs, Upload } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { chineseImages, englishNames } from '../test/accessible-names';
import { Popconfirm, UPLOAD_ICONS, useAntdIcons } from './controlLabels';

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
