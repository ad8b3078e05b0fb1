import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CalendarCoverage, CalendarYearConfirmed } from './calendar';

/**
 * A calendar that never silently guesses (issue 19.5): from 1 November, while next year's holiday
 * schedule is missing, the page says so; once its days are entered, the administrator confirms
 * the year and the provisional deadlines into it are recomputed.
 */
export function CalendarCoverageBanner({ onConfirmed }: { onConfirmed: () => void }) {
  const { t } = useTranslation('admin');
  const { data, reload } = useApi<CalendarCoverage>('/admin/calendar/coverage');
  const [done, setDone] = useState<CalendarYearConfirmed | null>(null);
  const confirm = useAction((year: number) =>
    api<CalendarYearConfirmed>(`/admin/calendar/years/${year}`, { method: 'PUT', body: {} }),
  );
  if (done) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="calendar-confirmed"
        title={t('calendar.confirmed', { year: done.year, recomputed: done.recomputed })}
      />
    );
  }
  if (!data || data.missingYear === null) return null;
  const year = data.missingYear;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-missing"
      title={t('calendar.missing', { year })}
      description={
        <>
          {t('calendar.coveredThrough', { year: data.coveredThrough })}
          <ErrorAlert error={confirm.error} />
        </>
      }
      action={
        <Button
          loading={confirm.busy}
          onClick={() =>
            void confirm.run(year).then((r) => {
              if (!r) return;
              setDone(r);
              reload();
              onConfirmed();
            })
          }
        >
          {t('calendar.confirmYear', { year })}
        </Button>
      }
    />
  );
}
