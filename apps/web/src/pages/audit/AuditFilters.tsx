import { AutoComplete, Button, DatePicker, Form, Grid, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api/client';
import { AUDIT_ACTION_CHOICES } from '@hardtech/domain/audit-actions';
import { useLocalText } from '../../i18n';
import { OUTCOMES, READS } from './audit';
import type { AuditReads } from './audit';
import { useClearable } from '../../components/controlLabels';

/** What the page opens with: the business events, reads (查看) left out. */
export const DEFAULT_READS: AuditReads = 'exclude';

interface Values {
  creditCode?: string;
  actor?: string;
  action?: string;
  outcome?: string;
  reads?: AuditReads;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Dates are whole days in the user's calendar; the API takes instants, `to` exclusive. */
function toQuery(v: Values): Query {
  const [from, to] = v.range ?? [];
  return {
    creditCode: v.creditCode?.trim().toUpperCase(),
    actor: v.actor?.trim(),
    action: v.action?.trim(),
    outcome: v.outcome,
    reads: v.reads,
    from: from?.startOf('day').format(),
    to: to?.add(1, 'day').startOf('day').format(),
  };
}

export function AuditFilters({ onSearch, initial }: { onSearch: (query: Query) => void; initial?: Values }) {
  const { t } = useTranslation('audit');
  const { t: common } = useTranslation();
  const clear = useClearable();
  const local = useLocalText();
  const [form] = Form.useForm<Values>();
  const screens = Grid.useBreakpoint();
  return (
    <Form
      form={form}
      initialValues={initial}
      // Inline on a desk, one filter a line on a phone (the date range alone is wider than 390 px inline).
      layout={screens.md ? 'inline' : 'vertical'}
      onFinish={(v) => onSearch(toQuery(v))}
      onReset={() => onSearch(toQuery(initial ?? {}))}
      style={{ rowGap: 8 }}
      data-testid="audit-filters"
    >
      <Form.Item name="creditCode" label={t('fields.creditCode')}>
        <Input allowClear={clear} maxLength={18} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="actor" label={t('fields.actor')}>
        <Input allowClear={clear} maxLength={64} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label={t('fields.action')}>
        <AutoComplete
          allowClear={clear}
          style={{ width: 220 }}
          popupMatchSelectWidth={320}
          // Offered in words (登录 · auth.login), filtered on them or the code; the code is what is sent.
          options={AUDIT_ACTION_CHOICES.map((c) => ({
            value: c.action,
            label: `${local(c.label)} · ${c.action}`,
          }))}
          filterOption={(input, option) =>
            `${option?.label ?? ''}`.toLowerCase().includes(input.trim().toLowerCase())
          }
          placeholder={t('actionHint')}
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('fields.outcome')}>
        <Select
          allowClear={clear}
          style={{ width: 120 }}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name="reads" label={t('fields.reads')}>
        <Select
          style={{ width: 200 }}
          options={READS.map((r) => ({ value: r, label: t(`reads.${r}`) }))}
          data-testid="audit-reads"
        />
      </Form.Item>
      <Form.Item name="range" label={t('fields.range')}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {common('actions.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button htmlType="reset">{common('actions.reset')}</Button>
      </Form.Item>
    </Form>
  );
}
