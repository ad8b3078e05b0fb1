import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterOptions } from '../api/referenceNames';
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
