import { Button, Card, Form, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { SecurityPolicy } from './security';
import { NumberInput } from '../../components/controlLabels';

const NUMBERS = [
  'maxFailedLogins',
  'lockMinutes',
  'idleTimeoutMinutes',
  'sessionLifetimeMinutes',
  'passwordMinLength',
  'passwordMaxAgeDays',
] as const;
const SWITCHES = ['passwordRequireMixedCase', 'passwordRequireSymbol'] as const;
const LISTS = ['trustedProxies', 'outboundHosts'] as const;

/** The whole security policy in one form; the server checks the bounds and names each field. */
export function SecurityPolicyCard() {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<SecurityPolicy>();
  const policy = useApi<SecurityPolicy>('/security/policy');
  const save = useAction((body: SecurityPolicy) =>
    api<SecurityPolicy>('/security/policy', { method: 'PUT', body }),
  );
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);
  useEffect(() => {
    if (save.error instanceof ApiError)
      form.setFields(
        // A list entry's refusal (trustedProxies[1]) shows beside the list.
        save.error.details.map((d) => ({
          name: d.field.replace(/\[\d+\]$/, '') as keyof SecurityPolicy,
          errors: [d.message],
        })),
      );
  }, [save.error, form]);

  return (
    <Card title={t('security.policy.title')} data-testid="security-policy" loading={policy.loading}>
      <ErrorAlert error={policy.error ?? save.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save.run({ ...policy.data!, ...values })}
      >
        {NUMBERS.map((name) => (
          <Form.Item key={name} name={name} label={t(`security.policy.${name}`)}>
            <NumberInput aria-label={t(`security.policy.${name}`)} precision={0} />
          </Form.Item>
        ))}
        {SWITCHES.map((name) => (
          <Form.Item key={name} name={name} label={t(`security.policy.${name}`)} valuePropName="checked">
            <Switch aria-label={t(`security.policy.${name}`)} />
          </Form.Item>
        ))}
        {LISTS.map((name) => (
          <Form.Item key={name} name={name} label={t(`security.policy.${name}`)}>
            <Select mode="tags" aria-label={t(`security.policy.${name}`)} open={false} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.busy} data-testid="security-policy-save">
          {t('security.policy.save')}
        </Button>
      </Form>
    </Card>
  );
}
