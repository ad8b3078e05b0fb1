import { preferenceFieldsFor } from '@hardtech/domain/notification-preferences';
import type { Field } from '@hardtech/domain/forms/schema';
import { Button, Card, Form, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import type { Role } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fromFormValues, toFormValues } from '../../components/forms/formValues';
import { SchemaForm } from '../../components/forms/SchemaForm';
import type { StoredPreferences } from './notification';
import { useMessage } from '../../components/controlLabels';

/** A directory's switch is a choice only once an administrator linked the person there. */
const LINKED_BY: Record<string, 'wecomUserId' | 'dingtalkUserId'> = {
  wecomApp: 'wecomUserId',
  dingtalkApp: 'dingtalkUserId',
};

/**
 * The fields the user is shown: an officer's every channel; an enterprise's plain choices (the
 * server refuses it the rest), the 企业微信 / 钉钉 switches only where its account is linked.
 */
function shownFields(role: Role, stored: StoredPreferences): Field[] {
  const fields = preferenceFieldsFor(role);
  if (role !== 'enterprise_user') return fields;
  return fields.filter((f) => !LINKED_BY[f.name] || stored[LINKED_BY[f.name]]);
}

/**
 * Where my reminders go besides the in-app notices: e-mail, 企业微信 and 钉钉 (robots and
 * messages), the morning digest — for an enterprise e-mail, linked messages and the digest.
 */
export function NotificationPreferencesCard() {
  const { t } = useTranslation('notifications');
  const message = useMessage();
  const { role } = useUser();
  const stored = useApi<StoredPreferences>('/me/notification-preferences');
  const fields = stored.data ? shownFields(role, stored.data) : [];
  const [form] = Form.useForm();
  const save = useAction((body: Record<string, unknown>) =>
    api<StoredPreferences>('/me/notification-preferences', { method: 'PUT', body }),
  );
  const secretSet = (save.result ?? stored.data)?.dingtalkSecretSet;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body = fromFormValues(fields, values);
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
          initialValues={toFormValues(fields, stored.data)}
          disabled={save.busy}
        >
          <Typography.Paragraph type="secondary" data-testid="preferences-in-app">
            {t('preferences.inApp')}
          </Typography.Paragraph>
          <SchemaForm fields={fields} error={save.error} />
          {secretSet && <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('preferences.secretSet')}</p>}
          <Button type="primary" loading={save.busy} onClick={submit} data-testid="preferences-save">
            {t('preferences.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
