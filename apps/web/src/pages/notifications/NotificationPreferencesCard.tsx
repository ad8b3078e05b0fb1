import { PREFERENCE_FIELDS } from '@hardtech/domain/notification-preferences';
import { App, Button, Card, Form, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fromFormValues, toFormValues } from '../../components/forms/formValues';
import { SchemaForm } from '../../components/forms/SchemaForm';
import type { StoredPreferences } from './notification';

/** Where my reminders go besides the inbox: e-mail, 企业微信 and 钉钉 robots, the morning digest. */
export function NotificationPreferencesCard() {
  const { t } = useTranslation('notifications');
  const { message } = App.useApp();
  const stored = useApi<StoredPreferences>('/me/notification-preferences');
  const [form] = Form.useForm();
  const save = useAction((body: Record<string, unknown>) =>
    api<StoredPreferences>('/me/notification-preferences', { method: 'PUT', body }),
  );
  const secretSet = (save.result ?? stored.data)?.dingtalkSecretSet;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body = fromFormValues(PREFERENCE_FIELDS, values);
    // The secret is never shown: an empty input keeps the stored one (fields left out keep their value).
    if (!values.dingtalkSecret) delete body.dingtalkSecret;
    if (!(await save.run(body))) return;
    form.setFieldValue('dingtalkSecret', undefined);
    message.success(t('preferences.saved'));
  };

  return (
    <Card title={t('preferences.title')} data-testid="preferences">
      <ErrorAlert error={stored.error} />
      {stored.loading && !stored.data && <Spin />}
      {stored.data && (
        <Form
          form={form}
          name="preferences"
          layout="vertical"
          initialValues={toFormValues(PREFERENCE_FIELDS, stored.data)}
          disabled={save.busy}
        >
          <SchemaForm fields={PREFERENCE_FIELDS} error={save.error} />
          {secretSet && <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('preferences.secretSet')}</p>}
          <Button type="primary" loading={save.busy} onClick={submit} data-testid="preferences-save">
            {t('preferences.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
