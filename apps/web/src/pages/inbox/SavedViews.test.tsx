import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { sampleTask } from '../tasks/taskFixture';

const REFERENCE_WITH_TASK_TYPE = {
  ...REFERENCE,
  taskTypes: { SCREEN: { zh: '市级筛选', en: 'City screening' } } as typeof REFERENCE.taskTypes,
  roles: { ...REFERENCE.roles, system_admin: { zh: '系统管理员', en: 'System administrator' } },
};
/** GET /views/share-roles: the case workers (no enterprise user, no administrator). */
const SHARE_ROLES = (['city_coordinator', 'district_officer'] as const).map((value) => ({
  value,
  label: REFERENCE.roles[value],
}));
const SHARED = {
  id: 'v-1',
  name: '渝北区超期任务',
  owner: 'district-500112',
  ownerName: '渝北区 张科长',
  mine: false,
  filter: { view: 'all', district: '500112', overdue: true },
  sharedWith: { roles: ['city_coordinator'] },
};

// As GET /tasks/:id/candidates answers: the caller is marked `self` (left out of the picker).
const CANDIDATES = [
  {
    username: 'coordinator',
    displayName: '统筹员',
    role: 'city_coordinator',
    assignee: false,
    self: true,
    onBehalfOf: null,
  },
  {
    username: 'coordinator-2',
    displayName: '周统筹',
    role: 'city_coordinator',
    assignee: false,
    self: false,
    onBehalfOf: null,
  },
];

async function openInbox(candidates = CANDIDATES) {
  const fake = openPage('/inbox', USERS.coordinator, {
    'GET /reference': REFERENCE_WITH_TASK_TYPE,
    'GET /views': [SHARED],
    'GET /views/share-roles': SHARE_ROLES,
    'POST /views': ({ body }: { body: unknown }) => ({
      status: 201,
      body: { ...(body as object), id: 'v-2', mine: true },
    }),
    'GET /tasks': { items: [sampleTask()], total: 1 },
    'GET /tasks/t-1/candidates': candidates,
    'POST /tasks/t-1/delegate': { taskId: 't-1', assignee: 'coordinator-2' },
  });
  const table = await screen.findByTestId('inbox-table');
  await waitFor(() => expect(within(table).getByText('重庆示例科技有限公司')).toBeInTheDocument());

  return { calls: fake.calls, table };
}

describe('inbox views and delegation', () => {
  it('applies a shared view and saves the current filter shared with a role', async () => {
    const user = fastUser();
    const { calls } = await openInbox();
    await user.click(screen.getByLabelText('选择共享视图'));
    // The sharer by name, as people are named elsewhere (ui-walk: "shared by d500112_officer").
    const option = await screen.findByText('渝北区超期任务（渝北区 张科长 共享）');
    expect(option).toHaveAttribute('title', 'district-500112');
    await user.click(option);
    await waitFor(() =>
      expect(calls.some((c) => c.path.includes('district=500112') && c.path.includes('overdue=true'))).toBe(
        true,
      ),
    );

    await user.click(screen.getByRole('button', { name: '保存为视图' }));
    await user.type(await screen.findByLabelText('视图名称'), '我的超期');
    await user.click(screen.getByLabelText('共享给角色'));
    await user.click(await screen.findByTitle('区县经信部门'));
    // Those the API lists: not the enterprises, who have no views, nor the administrators, who work
    // no cases (the API refuses such a share), though the reference names their roles.
    expect(screen.queryByTitle('企业用户')).toBeNull();
    expect(screen.queryByTitle('系统管理员')).toBeNull();
    await user.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST' && c.path === '/views')?.body).toEqual({
        list: 'inbox',
        name: '我的超期',
        filter: {
          view: 'all',
          status: 'open',
          sort: 'dueAt',
          pageSize: 20,
          district: '500112',
          overdue: true,
        },
        sharedWith: { roles: ['district_officer'] },
      }),
    );
  });

  it('delegates a task to one of its candidates, not to the user himself', async () => {
    const user = fastUser();
    const { calls, table } = await openInbox();
    // ByRole walks antd's whole tree in jsdom (slow): buttons are found by their text here.
    await user.click(within(table).getByText(/转\s*办/));
    await user.click(await screen.findByLabelText('转办给'));
    const offered = await screen.findAllByTestId('person-option');
    expect(offered.map((o) => o.textContent)).toEqual([expect.stringMatching(/^周统筹（coordinator-2）/)]);
    await user.click(offered[0]);
    await user.click(screen.getAllByText(/^转\s*办$/).at(-1)!);
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/tasks/t-1/delegate')?.body).toEqual({ to: 'coordinator-2' }),
    );
  });

  it('says why nobody can take the task over instead of opening an empty picker', async () => {
    const user = fastUser();
    const { calls, table } = await openInbox(CANDIDATES.slice(0, 1));
    await user.click(within(table).getByText(/转\s*办/));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog).toHaveTextContent('没有可转办的人员'));
    expect(dialog).toHaveTextContent('能办理此任务的在岗人员只有您一人，没有可以接手的人。');
    expect(dialog).toHaveTextContent('请联系系统管理员');
    expect(within(dialog).queryByLabelText('转办给')).toBeNull();
    // One button that closes, no 转办 that could never be pressed.
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).not.toContain('转 办');
    await user.click(within(dialog).getByText('知道了'));
    expect(calls.some((c) => c.path === '/tasks/t-1/delegate')).toBe(false);
  });
});
