import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';

const userEvent = fastUser();

const NAMED = {
  ...REFERENCE.clusters[0],
  divisionName: '电子信息处',
  divisionEn: 'Electronic Information Division',
};

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

describe('产业集群: the lead 行业处室 of each cluster', () => {
  it('shows 行业处室（cluster） while unset, and names the division the administrator sets', async () => {
    const { calls } = openPage('/admin/clusters', USERS.admin, {
      'PUT /admin/clusters/T2/division': NAMED,
    });
    const cell = await screen.findByTestId('division-T2');
    expect(cell).toHaveTextContent('行业处室（功率半导体）');
    expect(cell).toHaveTextContent('未设置');

    await userEvent.click(screen.getByTestId('edit-T2'));
    await userEvent.type(await screen.findByLabelText('行业处室名称（中文）'), '电子信息处');
    await userEvent.type(screen.getByLabelText('行业处室名称（英文）'), 'Electronic Information Division');
    await userEvent.click(screen.getByTestId('division-save'));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'PUT',
        path: '/admin/clusters/T2/division',
        body: { name: '电子信息处', en: 'Electronic Information Division' },
      }),
    );
    // The list is read again after the save (and the page-load cache forgotten).
    await waitFor(() => expect(calls.filter((c) => c.path === '/reference').length).toBeGreaterThan(1));
  });

  it('asks for the Chinese name before the English one, and sends nothing', async () => {
    const { calls } = openPage('/admin/clusters', USERS.admin, {});
    await userEvent.click(await screen.findByTestId('edit-T2'));
    await userEvent.type(await screen.findByLabelText('行业处室名称（英文）'), 'Electronics');
    await userEvent.click(screen.getByTestId('division-save'));
    expect(await screen.findByText('请先填写中文名称')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('reads in English, and is the system administrator’s alone', async () => {
    await i18n.changeLanguage('en');
    openPage('/admin/clusters', USERS.admin, { 'GET /reference': { ...REFERENCE, clusters: [NAMED] } });
    expect(await screen.findByTestId('division-T2')).toHaveTextContent('Electronic Information Division');
    expect(within(screen.getByTestId('nav')).getByText('Industry clusters')).toBeInTheDocument();
    cleanup();
    openPage('/admin/clusters', USERS.coordinator, {});
    await waitFor(() => expect(screen.queryByTestId('clusters')).not.toBeInTheDocument());
    expect(within(await screen.findByTestId('nav')).queryByText('Industry clusters')).toBeNull();
  });
});
