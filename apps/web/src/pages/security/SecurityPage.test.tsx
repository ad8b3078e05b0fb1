import { DEFAULT_SECURITY_POLICY } from '@hardtech/domain/security-policy';
import { ROLE_LABELS } from '@hardtech/domain/roles';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Handler, refusingOnce } from '../../test/fake-api';
import { resizeWindow } from '../../test/media';
import { fastUser, openPage } from '../../test/open-page';

const userEvent = fastUser();
const SECURITY_ADMIN = {
  username: 'security-admin',
  role: 'security_admin',
  scope: {},
  displayName: '安全管理员',
} as const;
const REFERENCE = { districts: [], clusters: [], stages: {}, taskTypes: {}, roles: ROLE_LABELS };
const SESSION = {
  id: '6f1c1b7e-0d1a-4a59-9a51-2b0f8d3c1e11',
  username: 'commissioner',
  displayName: '专员 李明',
  role: 'commissioner',
  clientAddress: '203.0.113.9',
  createdAt: '2026-12-05T01:00:00Z',
  lastSeenAt: '2026-12-05T01:10:00Z',
  endsAt: '2026-12-05T01:40:00Z',
};
const routes = (put: Handler) => ({
  'GET /reference': REFERENCE,
  'GET /security/policy': DEFAULT_SECURITY_POLICY,
  'PUT /security/policy': put,
  'GET /security/sessions': { items: [SESSION], total: 1, page: 1, pageSize: 20 },
  'GET /security/lockouts': {
    items: [
      {
        username: 'ent-xince',
        displayName: '芯测 王会计',
        role: 'enterprise_user',
        lockedUntil: '2026-12-05T02:00:00Z',
      },
    ],
  },
  [`DELETE /security/sessions/${SESSION.id}`]: { status: 200 },
  'DELETE /security/lockouts/ent-xince': { status: 200 },
});

describe('security administration (安全管理员)', () => {
  it('saves the whole policy with a changed lockout count, and shows a refusal beside its field', async () => {
    const { calls } = openPage(
      '/security',
      SECURITY_ADMIN,
      routes(refusingOnce('maxFailedLogins', '应为 3–10 的整数')),
    );
    const field = await screen.findByLabelText('连续输错密码锁定次数');
    await waitFor(() => expect(field).toHaveValue('5'));
    await userEvent.clear(field);
    await userEvent.type(field, '30');
    await userEvent.click(screen.getByTestId('security-policy-save'));
    expect(await screen.findAllByText('应为 3–10 的整数')).not.toHaveLength(0);

    await userEvent.clear(field);
    await userEvent.type(field, '3');
    await userEvent.click(screen.getByTestId('security-policy-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({
      ...DEFAULT_SECURITY_POLICY,
      maxFailedLogins: 3,
    });
  });

  it('revokes a live session after confirmation and unlocks a locked account', async () => {
    const { calls } = openPage(
      '/security',
      SECURITY_ADMIN,
      routes(() => ({ body: {} })),
    );
    const sessions = await screen.findByTestId('security-sessions');
    expect(await within(sessions).findByText('203.0.113.9')).toBeInTheDocument();
    // People by name, with the account beside it.
    expect(within(sessions).getAllByText('专员 李明').length).toBeGreaterThan(0);
    expect(within(sessions).getAllByText('（commissioner）').length).toBeGreaterThan(0);
    expect((await screen.findAllByText('芯测 王会计')).length).toBeGreaterThan(0);
    fireEvent.click(within(sessions).getByTestId(`revoke-${SESSION.id}`));
    const confirm = (await screen.findByText(/确定结束 专员 李明 的这个会话？/)).closest(
      '.ant-popover',
    ) as HTMLElement;
    fireEvent.click(within(confirm).getByText(/^确\s*定$/));
    fireEvent.click(await screen.findByTestId('unlock-ent-xince'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
        `/security/sessions/${SESSION.id}`,
        '/security/lockouts/ent-xince',
      ]),
    );
  });

  // ui-walk-7 at 390 px: one card per sign-in, every one on the page, grew long. The API pages it.
  it('lists the live sessions a page at a time, asking the API for the page', async () => {
    const { calls } = openPage('/security', SECURITY_ADMIN, {
      ...routes(() => ({ body: {} })),
      'GET /security/sessions': { items: [SESSION], total: 45, page: 1, pageSize: 20 },
    });
    const sessions = await screen.findByTestId('security-sessions');
    expect(await within(sessions).findByText('共 45 条')).toBeInTheDocument();
    await userEvent.click(within(sessions).getByRole('listitem', { name: '3' }));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/security/sessions?page=3&pageSize=20'));
  });

  // At 390 px a page of 20 sessions was 20 cards of seven label lines: a 6,400 px scroll.
  it('gives a phone one compact row per session, the API’s paging and a filter by account', async () => {
    const desktop = window.innerWidth;
    act(() => resizeWindow(390));
    try {
      const { calls } = openPage('/security', SECURITY_ADMIN, {
        ...routes(() => ({ body: {} })),
        'GET /security/sessions': {
          items: [SESSION, { ...SESSION, id: 's2', clientAddress: null }],
          total: 45,
          page: 1,
          pageSize: 20,
        },
      });
      const sessions = await screen.findByTestId('security-sessions');
      const rows = await within(sessions).findAllByTestId('session-row');
      expect(rows).toHaveLength(2);
      // Who, where from, since when, one action; no card of label lines.
      expect(rows[0]).toHaveTextContent(/^专员 李明（commissioner） · 企业服务专员/);
      expect(rows[0]).toHaveTextContent('203.0.113.9 · 2026-12-05 09:00 登录');
      expect(
        within(rows[0])
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['强制下线']);
      expect(rows[1]).toHaveTextContent('地址不明 · 2026-12-05 09:00 登录');
      expect(within(sessions).queryByText('最近活动')).toBeNull();
      expect(sessions.querySelector('.ant-card')).toBeNull();
      expect(within(sessions).getByTestId('phone-pager-summary')).toHaveTextContent('第 1/3 页 · 共 45 条');
      await userEvent.click(within(sessions).getByRole('button', { name: '下一页' }));
      await waitFor(() =>
        expect(calls.map((c) => c.path)).toContain('/security/sessions?page=2&pageSize=20'),
      );
      await userEvent.type(within(sessions).getByLabelText('按账号筛选'), ' commissioner {Enter}');
      await waitFor(() =>
        expect(calls.map((c) => c.path)).toContain(
          '/security/sessions?username=commissioner&page=1&pageSize=20',
        ),
      );
    } finally {
      act(() => resizeWindow(desktop));
    }
  });
});
