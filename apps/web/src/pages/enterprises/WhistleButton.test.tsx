import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { CODE, ENTERPRISE } from './enterprise.fixture';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

describe('企业吹哨 as the enterprise reads it', () => {
  it('says who answers a new problem in words it knows: its lead cluster’s 行业处室, not “the cluster”', async () => {
    // A cluster is a taxonomy entry and answers nothing; policy 三(一): 各行业处室牵头.
    openPage(`/enterprises/${CODE}`, USERS.enterprise, {
      [`GET /enterprises/${CODE}`]: ENTERPRISE,
    });
    await fastUser().click(await screen.findByRole('button', { name: /吹\s*哨/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('新问题由贵企业牵头产业集群的行业处室报到');
    expect(within(dialog).queryByText(/由牵头集群报到/)).toBeNull();
  }, 60_000);
});
