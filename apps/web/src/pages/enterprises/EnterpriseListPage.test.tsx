import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';

const ITEM = {
  creditCode: '91500112000000001R',
  name: '重庆芯测半导体科技有限公司',
  district: '500112',
  cluster: 'T2',
  leadCluster: 'T2',
  stage: 'supporting',
  lifecycleNo: 1,
  updatedAt: '2026-11-25T09:27:30.492Z',
};

describe('enterprise list', () => {
  it('lists enterprises with stage tags and links, and sends filters and paging to the API', async () => {
    const { calls } = openPage('/enterprises', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /enterprises': { items: [ITEM], total: 45 },
    });
    const link = await screen.findByRole('link', { name: ITEM.name });
    expect(link).toHaveAttribute('href', `/enterprises/${ITEM.creditCode}`);
    const row = link.closest('tr')!;
    await waitFor(() => expect(row).toHaveTextContent('帮扶中'));
    expect(row).toHaveTextContent('渝北区');
    expect(row).toHaveTextContent('功率半导体');
    expect(screen.getByText('共 45 条')).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('阶段'));
    await userEvent.click(await screen.findByTitle('帮扶中'));
    const search = screen.getByLabelText('企业名称或信用代码');
    fireEvent.change(search, { target: { value: '芯测' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(
        '/enterprises?stage=supporting&q=%E8%8A%AF%E6%B5%8B&page=1&pageSize=20',
      ),
    );
    // The table is dimmed while it loads; the pager answers a plain click.
    fireEvent.click(within(screen.getByTitle('3')).getByText('3'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(
        '/enterprises?stage=supporting&q=%E8%8A%AF%E6%B5%8B&page=3&pageSize=20',
      ),
    );
  }, 60_000);
});
