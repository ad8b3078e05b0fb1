import { Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Duration = string | { workingDays: number };

interface DurationInputProps {
  id?: string;
  value?: Duration;
  onChange?: (value: Duration | undefined) => void;
  /** The field also accepts `{workingDays: n}` (SLA deadlines counted on the business calendar). */
  workingDays?: boolean;
  disabled?: boolean;
}

/** An ISO 8601 duration (P10D, PT12H), or a number of working days where the field allows it. */
export function DurationInput({ id, value, onChange, workingDays, disabled }: DurationInputProps) {
  const { t } = useTranslation('forms');
  const [mode, setMode] = useState<'iso' | 'workingDays'>(
    typeof value === 'object' && value ? 'workingDays' : 'iso',
  );
  const iso = (
    <Input
      id={id}
      disabled={disabled}
      placeholder="P10D"
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange?.(e.target.value.trim() || undefined)}
    />
  );
  if (!workingDays) return iso;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        aria-label={t('duration.mode')}
        disabled={disabled}
        value={mode}
        style={{ width: 140 }}
        options={[
          { value: 'iso', label: t('duration.iso') },
          { value: 'workingDays', label: t('duration.workingDays') },
        ]}
        onChange={(next) => {
          setMode(next);
          onChange?.(undefined);
        }}
      />
      {mode === 'iso' ? (
        iso
      ) : (
        <InputNumber
          id={id}
          disabled={disabled}
          min={1}
          max={365}
          precision={0}
          suffix={t('duration.days')}
          value={typeof value === 'object' && value ? value.workingDays : null}
          onChange={(n) => onChange?.(typeof n === 'number' ? { workingDays: n } : undefined)}
          style={{ width: '100%' }}
        />
      )}
    </Space.Compact>
  );
}
