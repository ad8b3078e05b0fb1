import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponsiveTable } from './ResponsiveTable';
import { resizeWindow } from '../test/media';

const rows = [
  { id: 't1', name: '重庆芯测半导体科技有限公司', district: '渝北区' },
  { id: 't2', name: '重庆云图软件有限公司', district: '两江新区' },
];
const columns = [
  { title: '企业', key: 'name', dataIndex: 'name' },
  { title: '区县', key: 'district', render: (_: unknown, row: (typeof rows)[number]) => `${row.district}` },
];
const desktop = window.innerWidth;

function at(width: number) {
  act(() => resizeWindow(width));
  return render(<ResponsiveTable rowKey="id" columns={columns} dataSource={rows} data-testid="list" />);
}

describe('a table that becomes cards on a phone', () => {
  afterEach(() => {
    act(() => resizeWindow(desktop));
  });

  it('is a table with column headers on a wide screen', () => {
    at(1366);
    expect(screen.getByRole('columnheader', { name: '企业' })).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('is one card per row on a 390 px screen, each value beside its column title', () => {
    at(390);
    expect(screen.queryByRole('table')).toBeNull();
    const cards = screen.getByTestId('list').querySelectorAll('[data-row-key]');
    expect([...cards].map((c) => c.getAttribute('data-row-key'))).toEqual(['t1', 't2']);
    expect(cards[1]).toHaveTextContent('企业重庆云图软件有限公司');
    expect(cards[1]).toHaveTextContent('区县两江新区');
  });

  it('says what the table would say when a phone has no rows: its own empty text, not 暂无数据', () => {
    act(() => resizeWindow(390));
    render(
      <ResponsiveTable
        rowKey="id"
        columns={columns}
        dataSource={[]}
        locale={{ emptyText: '工作在问题台账' }}
        data-testid="list"
      />,
    );
    expect(screen.getByTestId('list')).toHaveTextContent('工作在问题台账');
    expect(screen.getByTestId('list')).not.toHaveTextContent('暂无数据');
  });
});
