import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TABLE_WIDTH_AT_1366, TABLE_WIDTH_AT_1440 } from '../../components/tableWidth';
import i18n from '../../i18n';
import { atWidth, openPage, USERS } from '../../test/open-page';
import type { Actor } from '../../api/types';
import { REFERENCE } from '../../test/reference.fixture';
import { LIST_ITEM } from './enterprise.fixture';

/** A step as the list answers it: one that does not wait on the caller, the enterprise's only one. */
const STEP = {
  taskId: 'task-1',
  type: 'QUARTERLY_REVIEW',
  label: { zh: '季度审核', en: 'Quarterly review' },
  assignee: null,
  handler: { zh: '行业处室', en: 'Industry division' },
  dueAt: '2020-01-01T10:00:00.000Z',
  overdue: true,
  openTasks: 1,
  waitsOnCaller: false,
  waitingOnCaller: 0,
};

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('enterprise list', () => {
  it('fits a 1440 px screen with 更新时间 on one line, and names the district in English', async () => {
    await i18n.changeLanguage('en');
    openPage('/enterprises', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /enterprises': { items: [LIST_ITEM], total: 1 },
    });
    const link = await screen.findByRole('link', { name: LIST_ITEM.name }, { timeout: 30_000 });
    const row = link.closest('tr')!;
    await waitFor(() => expect(row).toHaveTextContent('Yubei District'));
    expect(row).not.toHaveTextContent('渝北区');
    const width = parseInt(row.closest('table')!.style.width, 10);
    expect(width).toBeLessThanOrEqual(TABLE_WIDTH_AT_1440);
    const updated = within(row).getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(updated).toHaveStyle({ whiteSpace: 'nowrap' });
  }, 60_000);

  it('fits a 1366 px laptop, a long English cluster name cut at two lines with the whole as its tooltip', async () => {
    await i18n.changeLanguage('en');
    const long = 'New-Generation Electronic Information Manufacturing';
    openPage('/enterprises', USERS.coordinator, {
      'GET /reference': { ...REFERENCE, clusters: [{ ...REFERENCE.clusters[0], en: long }] },
      'GET /enterprises': { items: [LIST_ITEM], total: 1 },
    });
    const link = await screen.findByRole('link', { name: LIST_ITEM.name }, { timeout: 30_000 });
    const row = link.closest('tr')!;
    // The list scrolled 38 px sideways at 1366 px: its columns added up to 1,122 px.
    expect(parseInt(row.closest('table')!.style.width, 10)).toBeLessThanOrEqual(TABLE_WIDTH_AT_1366);
    const cluster = await within(row).findByText(long);
    expect(cluster).toHaveClass('ant-typography-ellipsis-multiple-line');
    expect(cluster).toHaveStyle({ WebkitLineClamp: '2' });
  }, 60_000);

  it('says a stage in English by its short name within the column, the full name as its tooltip', async () => {
    await i18n.changeLanguage('en');
    openPage('/enterprises', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /enterprises': { items: [{ ...LIST_ITEM, stage: 'feedback' }], total: 1 },
    });
    const link = await screen.findByRole('link', { name: LIST_ITEM.name }, { timeout: 30_000 });
    const tag = await waitFor(() =>
      link.closest('tr')!.querySelector<HTMLElement>('[data-stage="feedback"]')!,
    );
    expect(tag).toHaveTextContent(/^Feedback$/);
    expect(tag).toHaveAttribute('title', 'District and enterprise feedback');
    expect(tag).toHaveStyle({ maxWidth: '100%', whiteSpace: 'normal' });
  }, 60_000);

  it('lists enterprises with stage tags and links, and sends filters and paging to the API', async () => {
    const { calls } = openPage('/enterprises', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /enterprises': { items: [LIST_ITEM], total: 45 },
    });
    // The first render of the whole app takes long on a loaded machine (vitest runs beside the builds).
    const link = await screen.findByRole('link', { name: LIST_ITEM.name }, { timeout: 30_000 });
    expect(link).toHaveAttribute('href', `/enterprises/${LIST_ITEM.creditCode}`);
    const row = link.closest('tr')!;
    await waitFor(() => expect(row).toHaveTextContent('帮扶中'));
    expect(row).toHaveTextContent('渝北区');
    expect(row).toHaveTextContent('功率半导体');
    expect(screen.getByText('共 45 条')).toBeInTheDocument();
    // On a desk the filters stand in sight, no button before them (a phone folds them).
    expect(screen.getByTestId('enterprise-filters')).toBeVisible();
    expect(screen.queryByTestId('enterprise-filters-toggle')).toBeNull();

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

  it('on a 390 px phone, folds the pickers behind one button that counts every filter set, the dashboard’s tags in sight', async () => {
    await atWidth(390, async () => {
      openPage('/enterprises?stage=supporting&inPoolOn=2026-11-25', USERS.coordinator, {
        'GET /reference': REFERENCE,
        'GET /enterprises': { items: [LIST_ITEM], total: 1 },
      });
      await screen.findByRole('link', { name: LIST_ITEM.name }, { timeout: 30_000 });
      const toggle = screen.getByTestId('enterprise-filters-toggle');
      expect(toggle).toHaveTextContent('筛选 · 已设 2 项');
      expect(screen.getByTestId('enterprise-filters')).not.toBeVisible();
      expect(screen.getByTestId('filter-inPoolOn')).toBeVisible();
      await userEvent.click(toggle);
      expect(screen.getByTestId('enterprise-filters')).toBeVisible();
      expect(screen.getByLabelText('阶段')).toBeVisible();
    });
  }, 60_000);

  it('links an auditor to each enterprise’s current step, whose page it reads', async () => {
    openPage('/enterprises', USERS.auditor, {
      'GET /reference': REFERENCE,
      'GET /enterprises': { items: [{ ...LIST_ITEM, currentStep: STEP }], total: 1 },
    });
    expect(await screen.findByRole('link', { name: '季度审核' })).toHaveAttribute('href', '/tasks/task-1');
  });

  it('reads a dashboard number’s filters from the address, shows each step, and exports the same list', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:list');
    URL.revokeObjectURL = vi.fn();
    const waiting = { ...LIST_ITEM, currentStep: STEP };
    const { calls } = openPage(
      '/enterprises?inPoolOn=2026-11-25&admittedIn=2025&doubling=on_track',
      USERS.leader,
      {
        'GET /reference': REFERENCE,
        'GET /enterprises': { items: [waiting], total: 1 },
        'GET /enterprises/export.xlsx': 'xlsx',
      },
    );
    const step = await screen.findByRole('link', { name: '季度审核' });
    expect(step).toHaveAttribute('href', '/tasks/task-1');
    const row = step.closest('tr')!;
    expect(row).toHaveTextContent('行业处室');
    expect(row).toHaveTextContent('2020-01-01');
    expect(within(row).queryByTestId('step-mine')).toBeNull();
    expect(within(row).queryByTestId('step-others')).toBeNull();
    expect(calls.map((c) => c.path)).toContain(
      '/enterprises?inPoolOn=2026-11-25&admittedIn=2025&doubling=on_track&page=1&pageSize=20',
    );
    expect(screen.getByTestId('filter-inPoolOn')).toHaveTextContent('在库于 2026-11-25');
    expect(screen.getByTestId('filter-admittedIn')).toHaveTextContent('2025 年入库');
    expect(screen.getByTestId('filter-doubling')).toHaveTextContent('三年倍增：进度达标');

    await userEvent.click(screen.getByTestId('export'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(
        '/enterprises/export.xlsx?inPoolOn=2026-11-25&admittedIn=2025&doubling=on_track',
      ),
    );
    // Removing a filter asks for the wider list.
    await userEvent.click(screen.getByTestId('filter-doubling').querySelector('.ant-tag-close-icon')!);
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(
        '/enterprises?inPoolOn=2026-11-25&admittedIn=2025&page=1&pageSize=20',
      ),
    );
  }, 60_000);

  it('marks the step that waits on the caller, which the server puts first, and counts the others', async () => {
    const mine = {
      ...LIST_ITEM,
      currentStep: { ...STEP, openTasks: 3, waitsOnCaller: true, waitingOnCaller: 1 },
    };
    const industryOfficer: Actor = {
      username: 'industry-t2',
      role: 'industry_officer',
      scope: { clusters: ['T2'] },
      displayName: '电子信息产业处',
    };
    openPage('/enterprises', industryOfficer, {
      'GET /reference': REFERENCE,
      'GET /enterprises': { items: [mine], total: 1 },
    });
    const row = (await screen.findByRole('link', { name: '季度审核' })).closest('tr')!;
    expect(within(row).getByTestId('step-mine')).toHaveTextContent('待您办理');
    // The other open steps (e.g. another department's earlier 部门报到) are on the enterprise's page.
    expect(within(row).getByTestId('step-others')).toHaveTextContent('另 2 项待办');
    expect(within(row).getByTestId('step-others')).toHaveAttribute(
      'href',
      `/enterprises/${LIST_ITEM.creditCode}`,
    );
  });

  it('opens with the leavers of an endings bar and a past year’s stage, as the dashboard links them', async () => {
    const { calls } = openPage(
      '/enterprises?leftIn=2025&leftAs=exited&leftFor=relocated&stage=diagnosis&stageOn=2025-12-31',
      USERS.leader,
      { 'GET /reference': REFERENCE, 'GET /enterprises': { items: [], total: 0 } },
    );
    expect(await screen.findByTestId('filter-leftFor')).toHaveTextContent('移出原因：迁出本市');
    expect(screen.getByTestId('filter-leftIn')).toHaveTextContent('2025 年移出帮扶库');
    expect(screen.getByTestId('filter-stageOn')).toHaveTextContent('阶段截至 2025-12-31');
    await waitFor(() => expect(screen.getByTestId('filter-leftAs')).toHaveTextContent('移出方式：已移出'));
    expect(calls.map((c) => c.path)).toContain(
      '/enterprises?stage=diagnosis&stageOn=2025-12-31&leftIn=2025&leftAs=exited&leftFor=relocated&page=1&pageSize=20',
    );
  }, 60_000);

  it('says what a member between quarters waits for: the quarterly dispatch and its date', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T12:00:00Z') });
    try {
      openPage('/enterprises', USERS.coordinator, {
        'GET /reference': REFERENCE,
        'GET /enterprises': { items: [LIST_ITEM], total: 1 },
      });
      const link = await screen.findByRole('link', { name: LIST_ITEM.name }, { timeout: 30_000 });
      const row = link.closest('tr')!;
      expect(within(row).getByTestId('waiting-dispatch')).toHaveTextContent('等待季度调度');
      expect(row).toHaveTextContent('季度调度自动发起');
      expect(row).toHaveTextContent('下次调度 2027-01-01');
    } finally {
      vi.useRealTimers();
    }
  });
});
