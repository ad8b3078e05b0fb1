import dayjs from 'dayjs';

/** A timestamp as officers read it: date and time to the second, in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '';
}
