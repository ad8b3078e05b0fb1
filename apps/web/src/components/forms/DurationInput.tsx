import { durationInUnits, durationOf, type DurationUnit } from '@hardtech/domain/durations';
import { Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberInput } from '../controlLabels';

type Duration = string | { workingDays: number };
type Mode = DurationUnit | 'workingDays' | 'iso';

interface DurationInputProps {
  id?: string;
  value?: Duration;
  onChange?: (value: Duration | undefined) => void;
  /** The field also accepts `{workingDays: n}` (SLA deadlines counted on the business calendar). */
  workingDays?: boolean;
  disabled?: boolean;
}

/** The unit a stored value is shown in: an officer reads "10 天", not "P10D". */
function modeOf(value: Duration | undefined): Mode {
  if (typeof value === 'object' && value) return 'workingDays';
  if (!value) return 'days';
  return durationInUnits(value)?.unit ?? 'iso';
}

/**
 * A duration as an amount and a unit (working days where the field allows them, days, hours,
 * weeks); what one unit cannot say (P1DT12H) stays editable as ISO 8601 text.
 */
export function DurationInput({ id, value, onChange, workingDays, disabled }: DurationInputProps) {
  const { t } = useTranslation('forms');
  const [mode, setMode] = useState<Mode>(() => modeOf(value));
  const amount =
    typeof value === 'object' && value
      ? value.workingDays
      : typeof value === 'string'
        ? (durationInUnits(value)?.amount ?? null)
        : null;
  const send = (n: number | null, unit: Mode) => {
    if (typeof n !== 'number') return onChange?.(undefined);
    onChange?.(unit === 'workingDays' ? { workingDays: n } : durationOf(n, unit as DurationUnit));
  };
  const units: Mode[] = [...(workingDays ? (['workingDays'] as const) : []), 'days', 'hours', 'weeks', 'iso'];
  return (
    <Space.Compact style={{ width: '100%' }}>
      {mode === 'iso' ? (
        <Input
          id={id}
          disabled={disabled}
          placeholder="P1DT12H"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange?.(e.target.value.trim() || undefined)}
        />
      ) : (
        <NumberInput
          id={id}
          disabled={disabled}
          inputMode="numeric"
          min={1}
          max={mode === 'hours' ? 24 * 366 : 366}
          precision={0}
          value={amount}
          onChange={(n) => send(n, mode)}
          style={{ width: '100%' }}
        />
      )}
      <Select
        aria-label={t('duration.mode')}
        disabled={disabled}
        value={mode}
        style={{ width: 150 }}
        options={units.map((unit) => ({ value: unit, label: t(`duration.${unit}`) }))}
        onChange={(next: Mode) => {
          setMode(next);
          // The amount keeps its number in the new unit (10 天 → 10 工作日); ISO text starts empty.
          if (next === 'iso' || amount === null)
            onChange?.(next === 'iso' && typeof value === 'string' ? value : undefined);
          else send(amount, next);
        }}
      />
    </Space.Compact>
  );
}
