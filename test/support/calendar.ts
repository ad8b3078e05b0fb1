import { shanghaiDate, WorkCalendar } from '@hardtech/domain';
import { Api } from './api';
import { expectOk } from './lifecycle';

const DAY_MS = 86_400_000;

/** The Shanghai date `n` days after the Shanghai date of `at`. */
export const dateAfter = (at: string | Date, n: number): string =>
  new Date(Date.parse(`${shanghaiDate(at)}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The working-day calendar of this year and the next, as the API serves it (package and overrides). */
export async function workCalendar(api: Api): Promise<WorkCalendar> {
  const year = new Date().getUTCFullYear();
  const days = [
    ...(await expectOk(api.get(`/api/admin/calendar?year=${year}`))).days,
    ...(await expectOk(api.get(`/api/admin/calendar?year=${year + 1}`))).days,
  ];
  return {
    holidays: days.filter((d: any) => d.kind === 'holiday').map((d: any) => d.date),
    workdays: days.filter((d: any) => d.kind === 'workday').map((d: any) => d.date),
  };
}
