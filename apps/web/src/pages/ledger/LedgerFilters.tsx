import { Button, Checkbox, Form, Input, Select } from 'antd';
import { LEDGER_STATUSES, PROBLEM_CATEGORIES } from '@hardtech/domain/ledger';
import type { Option } from '@hardtech/domain/forms/schema';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api/client';
import { useReference } from '../../api/reference';
import { CLUSTER_POPUP, clusterOptions, districtText } from '../../api/referenceNames';
import { useLocalText } from '../../i18n';
import { useClearable } from '../../components/controlLabels';

const FIELDS = ['q', 'status', 'category', 'district', 'cluster', 'overdue'] as const;

/** The form's values of the address's filters: 仅看逾期 is a box, the address says overdue=true. */
const formValues = (value: Query) => ({
  q: value.q,
  status: value.status,
  category: value.category,
  district: value.district,
  cluster: value.cluster,
  overdue: value.overdue === 'true',
});

export function LedgerFilters({
  value = {},
  onChange,
  ownEnterprise = false,
}: {
  /** An enterprise's own ledger: no enterprise, district or cluster to choose. */
  ownEnterprise?: boolean;
  /** The filters of the address: what a link opened, or what Back returned to. */
  value?: Query;
  onChange: (query: Query) => void;
}) {
  const [form] = Form.useForm();
  const shown = JSON.stringify(formValues(value));
  // The address changed under the form (Back, a link): the form shows what the list is filtered by,
  // a filter the address no longer holds cleared (JSON drops it: set undefined again).
  useEffect(() => {
    const values = JSON.parse(shown) as Record<string, unknown>;
    form.setFieldsValue(Object.fromEntries(FIELDS.map((key) => [key, values[key]])));
  }, [form, shown]);
  const { t } = useTranslation('ledger');
  const { t: common } = useTranslation();
  const clear = useClearable();
  const local = useLocalText();
  const reference = useReference();
  const options = (list: Option[]) => list.map((o) => ({ value: o.value, label: local(o.label) }));
  const select = (name: string, list: { value: string; label: string }[], width = 170) => (
    <Form.Item name={name} label={t(`fields.${name}`)}>
      <Select
        {...(name === 'cluster' ? CLUSTER_POPUP : {})}
        allowClear={clear}
        showSearch={{ optionFilterProp: 'label' }}
        options={list}
        style={{ width }}
      />
    </Form.Item>
  );
  return (
    <Form
      layout="inline"
      style={{ rowGap: 8 }}
      data-testid="ledger-filters"
      form={form}
      initialValues={formValues(value)}
      // Filters apply at once: officers narrow the ledger step by step while talking it through.
      onValuesChange={(_, all) => onChange({ ...all, overdue: all.overdue ? 'true' : undefined })}
    >
      {!ownEnterprise && (
        <Form.Item name="q" label={t('fields.enterprise')}>
          <Input allowClear={clear} placeholder={t('searchEnterprise')} style={{ width: 170 }} />
        </Form.Item>
      )}
      {select('status', options(LEDGER_STATUSES))}
      {select('category', options(PROBLEM_CATEGORIES))}
      {!ownEnterprise &&
        select(
          'district',
          (reference?.districts ?? []).map((d) => ({ value: d.code, label: local(districtText(d)) })),
        )}
      {/* As the enterprise list offers it: retired clusters last, marked 已停用, still a filter. */}
      {!ownEnterprise && select('cluster', clusterOptions(reference?.clusters, local), 220)}
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox>{t('overdueOnly')}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Button htmlType="reset" onClick={() => onChange({})}>
          {common('actions.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
