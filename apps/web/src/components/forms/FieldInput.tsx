import type { Field } from '@hardtech/domain/forms/schema';
import { moneyText } from '@hardtech/domain/money';
import { Checkbox, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference';
import { clusterOptions, districtText } from '../../api/referenceNames';
import { useLocale, useLocalText } from '../../i18n';
import { useFormat } from '../../format';
import { DateInput, QuarterInput } from './DateInputs';
import { DurationInput } from './DurationInput';
import { useSchemaContext } from './schemaContext';
import { NumberInput, useClearable } from '../controlLabels';

type LeafField = Exclude<Field, { kind: 'object' | 'list' | 'record' }>;

// Few options read best as radio buttons; long lists (departments, clusters) need a search box.
const RADIO_LIMIT = 4;
const YUAN_PER_WAN = 10_000;

/**
 * The input of one leaf field. antd's Form.Item injects id, value and onChange; the props are
 * passed on so the label's `for` reaches the input.
 */
export function FieldInput({ field, required, ...control }: { field: LeafField; required: boolean }) {
  const { t } = useTranslation('forms');
  const clear = useClearable();
  const text = useLocalText();
  const locale = useLocale();
  const reference = useReference();
  const { refChoices, disabled, fixed } = useSchemaContext();
  const format = useFormat();
  const common = { ...control, disabled };
  // Fixed by the task (a quarterly report's quarter): the value in words, sent as it is.
  if (fixed?.has(field.name)) {
    const { id, value } = control as { id?: string; value?: unknown };
    return (
      <Typography.Text strong id={id} data-testid={`fixed-${field.name}`}>
        {format.field(field, value)}
      </Typography.Text>
    );
  }
  switch (field.kind) {
    case 'text':
      return field.multiline ? (
        // Opinions are written, not typed in a line: room for a paragraph, the limit counted down.
        <Input.TextArea
          {...common}
          maxLength={field.maxLength}
          showCount
          autoSize={{ minRows: 3, maxRows: 10 }}
        />
      ) : (
        <Input {...common} maxLength={field.maxLength} showCount={field.maxLength > 64} />
      );
    case 'integer': {
      const yuan = field.unit === 'yuan';
      const scale = (n: number | undefined) => (n === undefined ? undefined : yuan ? n / YUAN_PER_WAN : n);
      const input = (
        <NumberInput
          {...common}
          // A phone brings up its number pad (万元 take decimals).
          inputMode="decimal"
          min={scale(field.min)}
          max={scale(field.max)}
          // 万元 to the yuan: four decimals.
          precision={yuan ? undefined : 0}
          suffix={
            field.unit === 'score'
              ? t('unit.score', { min: field.min ?? 0, max: field.max ?? '' })
              : field.unit
                ? t(`unit.${field.unit}`)
                : undefined
          }
          style={{ width: '100%' }}
        />
      );
      // English readers count in millions, not 万: the amount typed, as moneyText words it.
      const typed = (control as { value?: unknown }).value;
      if (!yuan || locale !== 'en' || typeof typed !== 'number') return input;
      return (
        <>
          {input}
          <Typography.Text type="secondary" data-testid={`amount-${field.name}`}>
            = {moneyText(Math.round(typed * YUAN_PER_WAN), 'en')}
          </Typography.Text>
        </>
      );
    }
    case 'number': {
      // A ratio is typed as a percentage (5 %), stored as a fraction (formValues converts).
      const scale = (n: number | undefined) => (n !== undefined && field.percent ? n * 100 : n);
      return (
        <NumberInput
          {...common}
          inputMode="decimal"
          min={scale(field.min)}
          max={scale(field.max)}
          suffix={field.percent ? '%' : undefined}
          style={{ width: '100%' }}
        />
      );
    }
    case 'duration':
      return <DurationInput {...common} workingDays={field.workingDays} />;
    case 'boolean':
      // A required yes/no must be answered explicitly; an optional one is a plain tick.
      return required ? (
        <Radio.Group
          {...common}
          options={[
            { value: true, label: t('yes') },
            { value: false, label: t('no') },
          ]}
        />
      ) : (
        <Checkbox {...common}>{text(field.label)}</Checkbox>
      );
    case 'enum': {
      const options = field.options.map((o) => ({ value: o.value, label: text(o.label) }));
      return required && options.length <= RADIO_LIMIT ? (
        <Radio.Group {...common} options={options} />
      ) : (
        <Select {...common} options={options} allowClear={!required && clear} placeholder={t('choose')} />
      );
    }
    case 'date':
      return <DateInput {...common} />;
    case 'quarter':
      return <QuarterInput {...common} />;
    case 'ref': {
      const choices =
        field.ref === 'district'
          ? reference?.districts.map((d) => ({ value: d.code, label: text(districtText(d)) }))
          : field.ref === 'cluster'
            ? // A retired cluster is chosen anew nowhere (422 CLUSTER_RETIRED) but is named when a
              // record carries it (a supplement's nomination as it stands).
              reference && clusterOptions(reference.clusters, text, 'disabled')
            : field.ref === 'user' || field.ref === 'problem'
              ? refChoices?.(field)
              : undefined;
      if (field.ref === 'creditCode' || (field.ref === 'user' && !choices))
        return <Input {...common} maxLength={64} />;
      return (
        <Select
          {...common}
          showSearch={{ optionFilterProp: 'label' }}
          allowClear={!required && clear}
          loading={!choices}
          options={choices ?? []}
          placeholder={t('choose')}
        />
      );
    }
  }
}
