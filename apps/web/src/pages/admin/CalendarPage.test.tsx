import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fastUser, openPage, USERS } from '../../test/open-page';

const userEvent = fastUser();

// The page opens on this month: the days of the test are in it.
const day = (n: number) => dayjs().date(n).format('YYYY-MM-DD');
const YEAR = {
  year: dayjs().year(),
  days: [
    { date: day(10), kind: 'holiday', name: '国庆节', source: 'package' },
    { date: day(12), kind: 'workday', name: '调休', source: 'override' },
  ],
};

describe('working-day calendar', () => {
  it('marks holidays and make-up days, and sets a day off', async () => {
    const { calls } = openPage('/admin/calendar', USERS.admin, {
      'GET /admin/calendar': YEAR,
      [`PUT /admin/calendar/${day(15)}`]: {
        date: day(15),
        kind: 'holiday',
        name: '临时放假',
        source: 'override',
      },
    });
    expect(await screen.findByTestId(`mark-${day(10)}`)).toHaveTextContent('休 国庆节');
    expect(screen.getByTestId(`mark-${day(12)}`)).toHaveTextContent('班* 调休');
    expect(calls.map((c) => c.path)).toContain(`/admin/calendar?year=${dayjs().year()}`);

    fireEvent.click(within(screen.getByTestId('calendar')).getByTitle(day(15)));
    const editor = await screen.findByTestId('day-editor');
    await waitFor(() => expect(editor).toHaveTextContent(`调整 ${day(15)}`));
    await userEvent.click(within(editor).getByRole('radio', { name: '放假（不计工作日）' }));
    await userEvent.type(within(editor).getByLabelText('名称'), '临时放假');
    await userEvent.click(screen.getByTestId('day-save'));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'PUT',
        path: `/admin/calendar/${day(15)}`,
        body: { kind: 'holiday', name: '临时放假' },
      }),
    );
    await waitFor(() => expect(calls.filter((c) => c.path.startsWith('/admin/calendar?')).length).toBe(2));
  });

  it('removes an administrator’s override', async () => {
    const { calls } = openPage('/admin/calendar', USERS.coordinator, {
      'GET /admin/calendar': YEAR,
      [`DELETE /admin/calendar/${day(12)}`]: () => ({ status: 204 }),
    });
    const overrides = await screen.findByTestId('overrides');
    fireEvent.click(await within(overrides).findByText(day(12)));
    await waitFor(() => expect(screen.getByTestId('day-editor')).toHaveTextContent('管理员调整'));
    await userEvent.click(screen.getByTestId('day-unset'));
    await waitFor(() =>
      expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(`DELETE /admin/calendar/${day(12)}`),
    );
  });
});
