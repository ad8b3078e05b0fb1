import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clusterOptions } from '../api/referenceNames';
import type { FakeCall } from '../test/fake-api';
import { KPI } from './dashboard/fixture';
import { chartLink } from './dashboard/links';
import type { Cluster } from '../api/types';
import i18n from '../i18n';
import { fastUser, openPage, USERS } from '../test/open-page';
import { REFERENCE } from '../test/reference.fixture';

// A retired cluster (停用) stays a filter: old records carry it. The filters list it after the
// active ones, marked 已停用 / retired, and still send it to the API.
const cluster = (code: string, tier: string, name: string, en: string, active: boolean): Cluster => ({
  code,
  tier,
  name,
  en,
  active,
  divisionName: null,
  divisionEn: null,
});
const CLUSTERS = [
  cluster('N7', 'new_star', '细胞治疗', 'Cell therapy', false),
  cluster('F1', 'featured', '生物医药', 'Biomedicine', true),
  cluster('T3', 'leading', '新能源汽车', 'New energy vehicles', false),
  cluster('T2', 'leading', '功率半导体', 'Power semiconductors', true),
];
const WITH_RETIRED = { ...REFERENCE, clusters: CLUSTERS };
const ZH = ['T2 功率半导体', 'F1 生物医药', 'T3 新能源汽车（已停用）', 'N7 细胞治疗（已停用）'];

/** The option labels of the open select's dropdown, top to bottom. */
const openOptions = () =>
  [
    ...document.querySelectorAll<HTMLElement>(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    ),
  ].map((o) => o.getAttribute('title'));

/** As wide as its longest option, within the screen: the mark at a long name's end is not cut. */
const expectWidePopup = () => {
  const popup = document.querySelector<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')!;
  expect([popup.style.maxWidth, popup.style.width]).toEqual(['calc(100vw - 40px)', '']);
};

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('clusterOptions', () => {
  const local = (text: { zh: string; en: string }) => text.zh;

  it('orders the active clusters first, in the taxonomy’s order, then the retired ones marked', () => {
    expect(clusterOptions(CLUSTERS, local)).toEqual(
      ZH.map((label) => ({ value: label.split(' ')[0], label, disabled: false })),
    );
    expect(clusterOptions(CLUSTERS, (text) => text.en).map((o) => o.label)).toEqual([
      'T2 Power semiconductors',
      'F1 Biomedicine',
      'T3 New energy vehicles (retired)',
      'N7 Cell therapy (retired)',
    ]);
  });

  it('shows but does not offer a retired one where a cluster is chosen anew', () => {
    expect(clusterOptions(CLUSTERS, local, 'disabled').map((o) => [o.value, o.disabled])).toEqual([
      ['T2', false],
      ['F1', false],
      ['T3', true],
      ['N7', true],
    ]);
    expect(clusterOptions(undefined, local)).toEqual([]);
  });
});

describe('the filters', () => {
  it('enterprise list: a retired cluster after the active ones, marked, and still filtered by', async () => {
    const user = fastUser();
    const { calls } = openPage('/enterprises', USERS.coordinator, {
      'GET /reference': WITH_RETIRED,
      'GET /enterprises': { items: [], total: 0 },
    });
    await user.click(await screen.findByLabelText('产业集群', {}, { timeout: 30_000 }));
    await waitFor(() => expect(openOptions()).toEqual(ZH));
    expectWidePopup();
    await user.click(await screen.findByTitle('T3 新能源汽车（已停用）'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/enterprises?cluster=T3&page=1&pageSize=20'),
    );
  }, 60_000);

  it('inbox: the same order and mark, in English too, and the retired code goes to the API', async () => {
    await i18n.changeLanguage('en');
    const user = fastUser();
    const { calls } = openPage('/inbox?view=all', USERS.coordinator, {
      'GET /reference': WITH_RETIRED,
      'GET /views': [],
      'GET /tasks': { items: [], total: 0 },
    });
    await user.click(await screen.findByLabelText('Cluster', {}, { timeout: 30_000 }));
    await waitFor(() =>
      expect(openOptions()).toEqual([
        'T2 Power semiconductors',
        'F1 Biomedicine',
        'T3 New energy vehicles (retired)',
        'N7 Cell therapy (retired)',
      ]),
    );
    expectWidePopup();
    await user.click(await screen.findByTitle('N7 Cell therapy (retired)'));
    await waitFor(() => expect(calls.some((c) => /^\/tasks\?.*cluster=N7/.test(c.path))).toBe(true));
  }, 60_000);
});

describe('the ledger and the dashboard by cluster', () => {
  const LEDGER = { items: [], total: 0, page: 1, pageSize: 50 };
  /** GET /reports/kpi narrowed to the cluster asked for. */
  const kpiOfCluster = (call: FakeCall) => ({
    body: { ...KPI, cluster: new URLSearchParams(call.path.split('?')[1]).get('cluster') },
  });

  it('ledger: the same cluster select, the code sent to the list and its export', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:ledger');
    URL.revokeObjectURL = vi.fn();
    const user = fastUser();
    const { calls } = openPage('/problems', USERS.coordinator, {
      'GET /reference': WITH_RETIRED,
      'GET /problems': LEDGER,
      'GET /problems/export.xlsx': 'xlsx',
    });
    await user.click(await screen.findByLabelText('产业集群', {}, { timeout: 30_000 }));
    await waitFor(() => expect(openOptions()).toEqual(ZH));
    expectWidePopup();
    await user.click(await screen.findByTitle('T3 新能源汽车（已停用）'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/problems?cluster=T3&page=1&pageSize=50'),
    );
    await user.click(screen.getByTestId('export'));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/problems/export.xlsx?cluster=T3'));
  }, 60_000);

  it('ledger: opens with the cluster of its address, named in the select', async () => {
    const { calls } = openPage('/problems?cluster=T2&status=open', USERS.coordinator, {
      'GET /reference': WITH_RETIRED,
      'GET /problems': LEDGER,
    });
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/problems?status=open&cluster=T2&page=1&pageSize=50'),
    );
    const filters = await screen.findByTestId('ledger-filters');
    expect(await within(filters).findByTitle('T2 功率半导体')).toBeInTheDocument();
  });

  it('dashboard: the figures of one cluster, kept in the address, each opening its list of that cluster', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:kpi');
    URL.revokeObjectURL = vi.fn();
    const user = fastUser();
    const year = new Date().getFullYear();
    const { calls } = openPage('/dashboard', USERS.leader, {
      'GET /reference': WITH_RETIRED,
      'GET /reports/kpi': kpiOfCluster,
      'GET /reports/kpi.xlsx': 'xlsx',
    });
    await screen.findByTestId('kpi-pool');
    await user.click(screen.getByLabelText('产业集群'));
    await waitFor(() => expect(openOptions()).toEqual(ZH));
    expectWidePopup();
    await user.click(await screen.findByTitle('N7 细胞治疗（已停用）'));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain(`/reports/kpi?year=${year}&cluster=N7`));
    const href = async (testId: string) => (await screen.findByTestId(testId)).getAttribute('href');
    await waitFor(async () =>
      expect(await href('link-pool')).toBe('/enterprises?inPoolOn=2026-11-25&cluster=N7'),
    );
    expect(await href('link-doubled')).toBe('/enterprises?inPoolOn=2026-11-25&doubling=doubled&cluster=N7');
    expect(await href('stage-supporting')).toBe(
      '/enterprises?stage=supporting&stageOn=2026-11-25&cluster=N7',
    );
    expect(await href('link-overdue-tasks')).toBe('/inbox?view=all&overdue=true&cluster=N7');
    expect(await href('link-overdue-problems')).toBe('/problems?overdue=true&cluster=N7');
    expect(await href('link-exited')).toBe('/enterprises?leftIn=2026&leftAs=exited&cluster=N7');
    expect(chartLink('byCategory', { ...KPI, cluster: 'N7' }, { dataIndex: 0 })).toBe(
      `/problems?category=${KPI.problems.byCategory[0].key}&cluster=N7`,
    );
    await user.click(within(screen.getByTestId('dashboard')).getByTestId('export'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(`/reports/kpi.xlsx?year=${year}&cluster=N7`),
    );
  }, 60_000);

  it('dashboard: opens with the cluster of its address', async () => {
    const { calls } = openPage('/dashboard?cluster=T2', USERS.leader, {
      'GET /reference': WITH_RETIRED,
      'GET /reports/kpi': { ...KPI, cluster: 'T2' },
    });
    await screen.findByTestId('kpi-pool');
    expect(calls.map((c) => c.path)).toContain(`/reports/kpi?year=${new Date().getFullYear()}&cluster=T2`);
    expect(await screen.findByTitle('T2 功率半导体')).toBeInTheDocument();
  });

  it('dashboard: each cluster chosen is a step Back returns to, as the ledger’s filters are', async () => {
    const user = fastUser();
    const year = new Date().getFullYear();
    const { calls } = openPage('/dashboard?cluster=T2', USERS.leader, {
      'GET /reference': WITH_RETIRED,
      'GET /reports/kpi': kpiOfCluster,
    });
    await screen.findByTestId('kpi-pool');
    await user.click(screen.getByLabelText('产业集群'));
    await user.click(await screen.findByTitle('F1 生物医药'));
    await waitFor(() => expect(window.location.search).toBe('?cluster=F1'));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain(`/reports/kpi?year=${year}&cluster=F1`));
    const asked = calls.length;

    await act(async () => window.history.back());
    await waitFor(() => expect(window.location.search).toBe('?cluster=T2'));
    const select = screen.getByTestId('dashboard-cluster');
    await waitFor(() => expect(within(select).getByTitle('T2 功率半导体')).toBeInTheDocument());
    await waitFor(() =>
      expect(calls.slice(asked).map((c) => c.path)).toContain(`/reports/kpi?year=${year}&cluster=T2`),
    );
  }, 60_000);
});
