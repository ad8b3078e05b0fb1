import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../api/types';
import { atWidth, fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';

const userEvent = fastUser();

const LEDGER = { items: [], total: 0, page: 1, pageSize: 50 };
const SME: Actor = { username: 'sme-officer', role: 'sme_officer', scope: { department: 'sme' } };

/** 产业金融处's overdue, escalated problems of one cluster, shared by an industry officer. */
const FINANCE_BOARD = {
  id: 'v-ledger',
  list: 'ledger',
  name: '金融处超期升级',
  owner: 'industry-t2',
  mine: false,
  filter: { owner: 'finance', status: 'escalated', cluster: 'T2', overdue: true },
  sharedWith: { departments: ['sme'], roles: ['city_coordinator'] },
};

function openLedger(user: Actor, path = '/problems') {
  return openPage(path, user, {
    'GET /problems': LEDGER,
    'GET /views': [FINANCE_BOARD],
    'GET /views/share-roles': [{ value: 'district_officer', label: REFERENCE.roles.district_officer }],
    'POST /views': ({ body }: { body: unknown }) => ({
      status: 201,
      body: { ...(body as object), id: 'v-new', owner: 'coordinator', mine: true },
    }),
  });
}

const problemsAsked = (calls: { path: string }[]) =>
  calls.filter((c) => c.path.startsWith('/problems?')).map((c) => c.path);

describe('the ledger’s saved views (共享视图)', () => {
  it('lists the ledger’s views, writes a picked one to the address, and saves the filters shown', async () => {
    const { calls } = openLedger(USERS.coordinator);
    await userEvent.click(await screen.findByLabelText('选择共享视图'));
    // The ledger's views, not the inbox's.
    expect(calls.map((c) => c.path)).toContain('/views?list=ledger');
    await userEvent.click(await screen.findByText('金融处超期升级（industry-t2 共享）'));
    await waitFor(() =>
      expect(window.location.search).toBe('?status=escalated&cluster=T2&overdue=true&owner=finance'),
    );
    await waitFor(() =>
      expect(problemsAsked(calls).at(-1)).toBe(
        '/problems?status=escalated&cluster=T2&overdue=true&owner=finance&page=1&pageSize=50',
      ),
    );
    expect(screen.getByRole('checkbox', { name: '仅看逾期' })).toBeChecked();

    await userEvent.click(screen.getByRole('button', { name: '保存为视图' }));
    await userEvent.type(await screen.findByLabelText('视图名称'), '金融处超期');
    await userEvent.click(screen.getByLabelText('共享给角色'));
    await userEvent.click(await screen.findByTitle('区县经信部门'));
    await userEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/views' && c.method === 'POST')?.body).toEqual({
        list: 'ledger',
        name: '金融处超期',
        filter: { owner: 'finance', status: 'escalated', cluster: 'T2', overdue: true },
        sharedWith: { roles: ['district_officer'] },
      }),
    );
  });

  it('opens a view shared with an SME officer on its own board: the view’s department is not theirs', async () => {
    const { calls } = openLedger(SME);
    await userEvent.click(await screen.findByLabelText('选择共享视图'));
    await userEvent.click(await screen.findByText('金融处超期升级（industry-t2 共享）'));
    await waitFor(() =>
      expect(problemsAsked(calls).at(-1)).toBe(
        '/problems?status=escalated&cluster=T2&overdue=true&owner=sme&page=1&pageSize=50',
      ),
    );
    expect(problemsAsked(calls).some((path) => path.includes('owner=finance'))).toBe(false);
    expect(screen.getByTestId('ledger-own-department')).toHaveTextContent('中小企业处');
  });

  it('on a phone, waits with the filters behind 筛选', async () => {
    await atWidth(390, async () => {
      openLedger(USERS.coordinator);
      await userEvent.click(await screen.findByTestId('ledger-filters-toggle'));
      expect(await screen.findByLabelText('选择共享视图')).toBeVisible();
    });
  });

  it('is offered no enterprise, whose ledger is its own problems', async () => {
    const enterprise: Actor = {
      username: 'ent-xince',
      role: 'enterprise_user',
      scope: { creditCodes: ['91500000MA5U7DXX1F'] },
    };
    const { calls } = openLedger(enterprise);
    await waitFor(() => expect(problemsAsked(calls)).not.toEqual([]));
    expect(screen.queryByLabelText('选择共享视图')).toBeNull();
    expect(calls.some((c) => c.path.startsWith('/views'))).toBe(false);
  });
});
