import { DatePicker } from 'antd';
import dayjs, { Dayjs } from 'dayjs';

/** The form keeps the API's strings; only the picker sees dayjs values. */
interface StringInputProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  disabled?: boolean;
}

export function DateInput({ id, value, onChange, disabled }: StringInputProps) {
  return (
    <DatePicker
      id={id}
      disabled={disabled}
      value={value ? dayjs(value) : null}
      format="YYYY-MM-DD"
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
      style={{ width: '100%' }}
    />
  );
}

const QUARTER = /^(\d{4})Q([1-4])$/;

export function quarterToDate(quarter: string | undefined): Dayjs | null {
  const m = quarter ? QUARTER.exec(quarter) : null;
  return m ? dayjs(new Date(Number(m[1]), (Number(m[2]) - 1) * 3, 1)) : null;
}

export function dateToQuarter(d: Dayjs): string {
  return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
}

/** A quarter such as 2026Q3 (季度报告). */
export function QuarterInput({ id, value, onChange, disabled }: StringInputProps) {
  return (
    <DatePicker
      id={id}
      picker="quarter"
      disabled={disabled}
      value={quarterToDate(value)}
      onChange={(d: Dayjs | null) => onChange?.(d ? dateToQuarter(d) : undefined)}
      style={{ width: '100%' }}
    />
  );
}
