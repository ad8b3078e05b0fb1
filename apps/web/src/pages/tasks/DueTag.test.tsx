import { render, screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { DueTag, overdueFor } from './DueTag';

// The walk as a leader: "已超期 2026-12-03 14:42" never said by how much, so what to chase first
// had to be worked out from dates.
describe('DueTag', () => {
  it('says how long a task is overdue, in days, or hours within the first day', () => {
    const now = dayjs('2026-12-06T08:00:00Z');
    expect(overdueFor('2026-12-03T06:00:00Z', now)).toEqual({ unit: 'day', n: 3 });
    expect(overdueFor('2026-12-06T03:00:00Z', now)).toEqual({ unit: 'hour', n: 5 });
    expect(overdueFor('2026-12-06T07:30:00Z', now)).toBeNull();
  });

  it('reads 已超期 3 天 before the due date, in Chongqing’s time', () => {
    const dueAt = dayjs().subtract(3, 'day').subtract(2, 'hour').toISOString();
    render(<DueTag dueAt={dueAt} overdue />);
    // UTC+8 whatever the browser's zone (the machine running the tests is on UTC).
    const shanghai = dayjs(dueAt).add(8, 'hour').toISOString().slice(0, 16).replace('T', ' ');
    expect(screen.getByTestId('due-overdue')).toHaveTextContent(`已超期 3 天 ${shanghai}`);
  });
});
