import { SoundOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WHISTLE_FIELDS, WHISTLE_STAGES, whistleOnProblemRefusal } from '@hardtech/domain/whistle';
import { api } from '../../api/client';
import { useUser } from '../../auth/AuthProvider';
import { fromFormValues } from '../../components/forms/formValues';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { useLocalText } from '../../i18n';
import type { EnterpriseDetail } from './types';

// The problem is picked from the enterprise's ledger rather than typed as an id; the rest is the schema.
const PROBLEM = WHISTLE_FIELDS.find((f) => f.name === 'problemId')!;
const FIELDS = WHISTLE_FIELDS.filter((f) => f !== PROBLEM);

/** 企业吹哨·部门报到: a member enterprise's own users call the owner department to a problem. */
export function WhistleButton({ enterprise, onBlown }: { enterprise: EnterpriseDetail; onBlown(): void }) {
  const { t } = useTranslation('enterprise');
  const local = useLocalText();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  if (user.role !== 'enterprise_user' || !WHISTLE_STAGES.includes(enterprise.stage)) return null;
  // A problem closed out (销号) is not whistled on (409 PROBLEM_CLOSED): one that came back is new.
  const whistleable = enterprise.problems
    .filter((p) => !whistleOnProblemRefusal(p))
    .map((p) => ({ value: p.id, label: p.title }));

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...fromFormValues(FIELDS, values), problemId: values.problemId || undefined };
      await api(`/enterprises/${enterprise.creditCode}/whistle`, { body });
      setOpen(false);
      form.resetFields();
      void message.success(t('whistle.done'));
      onBlown();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button danger icon={<SoundOutlined />} onClick={() => setOpen(true)}>
        {t('whistle.button')}
      </Button>
      <Modal
        open={open}
        title={t('whistle.title')}
        okText={t('whistle.submit')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden={false}
      >
        <p>{t('whistle.help')}</p>
        <Form form={form} layout="vertical" onFinish={submit} data-testid="whistle-form">
          <Form.Item name="problemId" label={local(PROBLEM.label)}>
            <Select allowClear options={whistleable} data-testid="whistle-problem" />
          </Form.Item>
          <SchemaForm fields={FIELDS} error={error} />
        </Form>
      </Modal>
    </>
  );
}
