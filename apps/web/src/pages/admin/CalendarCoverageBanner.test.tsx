import { screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fastUser, openPage, USERS } from '../../test/open-page';

const userEvent = fastUser();
const YEAR = { year: dayjs().year(), days: [] };

describe('calendar coverage banner', () => {
  it('says next year’s schedule is missing and confirms it once entered', async () => {
    const { calls } = openPage('/admin/calendar', USERS.admin, {
      'GET /admin/calendar': YEAR,
      'GET /admin/calendar/coverage': { coveredThrough: 2026, packageLastYear: 2026, missingYear: 2027 },
      'PUT /admin/calendar/years/2027': {
        year: 2027,
        coveredThrough: 2027,
        lifecycles: 2,
        recomputed: 3,
        stillProvisional: 0,
      },
    });
    // A page's first render takes long on a loaded machine.
    const banner = await screen.findByTestId('calendar-missing', {}, { timeout: 30_000 });
    expect(banner).toHaveTextContent('尚未录入 2027 年的节假日安排');
    expect(banner).toHaveTextContent('日历已覆盖至 2026 年');
    await userEvent.click(screen.getByRole('button', { name: '确认已录入 2027 年安排' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'PUT', path: '/admin/calendar/years/2027', body: {} }),
    );
    expect(await screen.findByTestId('calendar-confirmed')).toHaveTextContent('3 项暂定时限已重新计算');
  });

  it('shows nothing while the calendar covers what it must', async () => {
    openPage('/admin/calendar', USERS.admin, {
      'GET /admin/calendar': YEAR,
      'GET /admin/calendar/coverage': { coveredThrough: 2027, packageLastYear: 2026, missingYear: null },
    });
    await screen.findByTestId('calendar');
    await waitFor(() => expect(screen.queryByTestId('calendar-missing')).toBeNull());
  });
});
