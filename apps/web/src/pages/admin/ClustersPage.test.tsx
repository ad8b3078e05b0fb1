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

describe('产业集群: the editable taxonomy', () => {
  const N1 = {
    code: 'N1',
    tier: 'new_star',
    name: '生物医药',
    en: 'Biomedicine',
    active: true,
    divisionName: '生物医药处',
    divisionEn: null,
  };

  it('adds a new-star cluster with its names and 行业处室', async () => {
    const { calls } = openPage('/admin/clusters', USERS.admin, { 'POST /admin/clusters': N1 });
    await userEvent.click(await screen.findByTestId('cluster-add'));
    await userEvent.type(await screen.findByLabelText('代码'), 'N1');
    await userEvent.type(screen.getByLabelText('集群名称（中文）'), '生物医药');
    await userEvent.type(screen.getByLabelText('集群名称（英文）'), 'Biomedicine');
    await userEvent.type(screen.getByLabelText('行业处室名称（中文）'), '生物医药处');
    await userEvent.click(screen.getByTestId('cluster-save'));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'POST',
        path: '/admin/clusters',
        body: {
          code: 'N1',
          tier: 'new_star',
          name: '生物医药',
          en: 'Biomedicine',
          divisionName: '生物医药处',
          divisionEn: null,
        },
      }),
    );
  });

  it('checks the code’s shape and both names before sending anything', async () => {
    const { calls } = openPage('/admin/clusters', USERS.admin, {});
    await userEvent.click(await screen.findByTestId('cluster-add'));
    await userEvent.type(await screen.findByLabelText('代码'), 'n-1');
    await userEvent.click(screen.getByTestId('cluster-save'));
    expect(await screen.findByText('大写字母开头，2–16 位大写字母或数字')).toBeInTheDocument();
    expect(screen.getAllByText('必填')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('shows tier and state, renames a cluster and retires it', async () => {
    const reference = { ...REFERENCE, clusters: [...REFERENCE.clusters, N1] };
    const { calls } = openPage('/admin/clusters', USERS.admin, {
      'GET /reference': reference,
      'PATCH /admin/clusters/N1': { ...N1, name: '生物医药及大健康' },
      'POST /admin/clusters/N1/retire': { ...N1, active: false },
    });
    expect(await screen.findByTestId('state-N1')).toHaveTextContent('启用');
    expect(screen.getByText('新星产业集群')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('rename-N1'));
    const name = await screen.findByLabelText('集群名称（中文）');
    await userEvent.clear(name);
    await userEvent.type(name, '生物医药及大健康');
    await userEvent.click(screen.getByTestId('cluster-save'));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'PATCH',
        path: '/admin/clusters/N1',
        body: { name: '生物医药及大健康', en: 'Biomedicine' },
      }),
    );

    await userEvent.click(screen.getByTestId('retire-N1'));
    await userEvent.click(await screen.findByTestId('retire-confirm'));
    await waitFor(() =>
      expect(calls).toContainEqual(
        expect.objectContaining({ method: 'POST', path: '/admin/clusters/N1/retire' }),
      ),
    );
  });

  it('marks a retired cluster and offers it no retirement', async () => {
    await i18n.changeLanguage('en');
    openPage('/admin/clusters', USERS.admin, {
      'GET /reference': { ...REFERENCE, clusters: [{ ...N1, active: false }] },
    });
    expect(await screen.findByTestId('state-N1')).toHaveTextContent('Retired');
    expect(screen.getByText('New-star cluster')).toBeInTheDocument();
    expect(screen.getByTestId('name-N1')).toHaveTextContent('Biomedicine生物医药');
    expect(screen.queryByTestId('retire-N1')).toBeNull();
  });
});
