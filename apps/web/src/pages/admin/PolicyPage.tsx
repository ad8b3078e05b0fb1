import { SaveOutlined } from '../../components/icons';
import type { Policy } from '@hardtech/domain/policy';
import { POLICY_FIELDS } from '@hardtech/domain/policy-form';
import { Button, Card, Col, Form, Row, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fromFormValues, toFormValues } from '../../components/forms/formValues';
import { SchemaForm } from '../../components/forms/SchemaForm';
import type { PolicyVersion } from './operations';
import { OperationsCard } from './OperationsCard';
import { PolicyVersions } from './PolicyVersions';
import { useMessage } from '../../components/controlLabels';

// The server numbers versions itself and ignores `version` on PUT: it is shown, not edited.
const EDITABLE = POLICY_FIELDS.filter((f) => f.name !== 'version');

export function PolicyPage() {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const message = useMessage();
  const policy = useApi<Policy>('/admin/policy');
  const versions = useApi<PolicyVersion[]>('/admin/policy/versions');
  const [form] = Form.useForm();
  const {
    run,
    busy,
    error,
    result: saved,
  } = useAction((body: unknown) => api<Policy>('/admin/policy', { method: 'PUT', body }));
  const current = saved ?? policy.data;

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !current) return;
    const next = await run({ ...fromFormValues(EDITABLE, values), version: current.version });
    if (!next) return;
    form.setFieldsValue(toFormValues(EDITABLE, next));
    versions.reload();
    message.success(t('policy.saved', { n: next.version }));
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card
          data-testid="policy"
          title={
            <Space>
              {t('policy.title')}
              {current && (
                <Tag color="blue" data-testid="policy-version">
                  {t('policy.versionNo', { n: current.version })}
                </Tag>
              )}
            </Space>
          }
          extra={
            <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!current} onClick={save}>
              {t('policy.save')}
            </Button>
          }
        >
          <ErrorAlert error={policy.error} />
          {policy.loading && !current && <Spin />}
          {policy.data && (
            <Form
              form={form}
              layout="vertical"
              initialValues={toFormValues(EDITABLE, policy.data)}
              disabled={busy}
            >
              <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('policy.hint')}</p>
              <SchemaForm fields={EDITABLE} error={error} />
              <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={save}>
                {t('policy.save')}
              </Button>{' '}
              <Button onClick={() => form.resetFields()}>{common('actions.reset')}</Button>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <PolicyVersions versions={versions} active={current?.version} />
          <OperationsCard />
        </Space>
      </Col>
    </Row>
  );
}
