import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { ResponsiveTable } from './ResponsiveTable';
import { resizeWindow } from '../test/media';

const rows = Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, name: `企业 ${i}` }));
const columns = [{ title: '企业', key: 'name', dataIndex: 'name' }];
const desktop = window.innerWidth;

function list(total: number, onChange = vi.fn()) {
  render(
    <ResponsiveTable
      rowKey="id"
      columns={columns}
      dataSource={rows.slice(0, Math.min(total, 20))}
      pagination={{ current: 1, pageSize: 20, total, onChange }}
      data-testid="list"
    />,
  );
  return onChange;
}

describe('the phone pager', () => {
  afterEach(async () => {
    act(() => resizeWindow(desktop));
    await i18n.changeLanguage('zh-CN');
  });

  it('says the page, the pages and the items in all, and turns the page', async () => {
    act(() => resizeWindow(390));
    const onChange = list(73);
    expect(screen.getByTestId('phone-pager-summary')).toHaveTextContent('第 1/4 页 · 共 73 条');
    expect(screen.getByRole('button', { name: '上一页' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(onChange).toHaveBeenCalledWith(2, 20);
  });

  it('says it in English', async () => {
    act(() => resizeWindow(390));
    await i18n.changeLanguage('en');
    list(73);
    expect(screen.getByTestId('phone-pager-summary')).toHaveTextContent('Page 1 of 4 · 73 items');
  });

  it('shows a single page’s count without arrows', () => {
    act(() => resizeWindow(390));
    list(7);
    expect(screen.getByTestId('phone-pager-summary')).toHaveTextContent('共 7 条');
    expect(screen.queryByRole('button', { name: '下一页' })).toBeNull();
  });
});
