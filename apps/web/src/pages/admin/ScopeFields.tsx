import { Form, Select } from 'antd';
import { OWNER_DEPARTMENTS } from '@hardtech/domain/ledger';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference';
import { clusterOptions, districtText } from '../../api/referenceNames';
import { useLocalText } from '../../i18n';
import { ScopeKey } from './users';

/** The inputs of a user's scope (districts, clusters, enterprises, department) that the role needs. */
export function ScopeFields({ keys }: { keys: ScopeKey[] }) {
  const { t } = useTranslation('admin');
  const local = useLocalText();
  const reference = useReference();
  // antd draws a selected disabled option as a tag without ×: a retired cluster already in the
  // scope stays choosable so the admin can take it out (the API allows it); one not in it is not offered.
  const chosen: string[] | undefined = Form.useWatch(['scope', 'clusters']);
  const options: Record<ScopeKey, { value: string; label: string; disabled?: boolean }[] | undefined> = {
    districts: reference?.districts.map((d) => ({
      value: d.code,
      label: `${local(districtText(d))} ${d.code}`,
    })),
    // A retired cluster is given to nobody new (the API refuses it) but still reads its name where
    // a user already has it, and can be removed there.
    clusters:
      reference &&
      clusterOptions(reference.clusters, local, 'disabled').map((o) => ({
        ...o,
        disabled: o.disabled && !chosen?.includes(o.value),
      })),
    // Credit codes are typed in: there is no list of enterprises outside the scope to choose from.
    creditCodes: undefined,
    department: OWNER_DEPARTMENTS.map((d) => ({ value: d.value, label: local(d.label) })),
  };
  return (
    <>
      {keys.map((key) => (
        <Form.Item
          key={key}
          name={['scope', key]}
          label={t(`users.scope.${key}`)}
          rules={[{ required: true, message: t('users.scopeRequired') }]}
        >
          <Select
            mode={key === 'department' ? undefined : key === 'creditCodes' ? 'tags' : 'multiple'}
            showSearch={{ optionFilterProp: 'label' }}
            options={options[key]}
            tokenSeparators={key === 'creditCodes' ? [',', ' ', '，'] : undefined}
          />
        </Form.Item>
      ))}
    </>
  );
}
