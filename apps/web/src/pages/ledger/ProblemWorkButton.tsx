import { Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_WORK_FIELDS, ProblemWorkKind } from '@hardtech/domain/problem-work';
import { api } from '../../api/client';
import { fromFormValues } from '../../components/forms/formValues';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { useMessage } from '../../components/controlLabels';

/** Where each kind of ledger work goes (docs/api.md, "ledger work"). */
const REQUEST: Record<ProblemWorkKind, { method: string; path: (id: string) => string }> = {
  progress: { method: 'POST', path: (id) => `/problems/${id}/progress` },
  close_request: { method: 'POST', path: (id) => `/problems/${id}/close-request` },
  extend: { method: 'POST', path: (id) => `/problems/${id}/extend` },
  handling: { method: 'PATCH', path: (id) => `/problems/${id}` },
};

/** One piece of ledger work as a button and its dialog; the form is the domain's, refusals stay beside it. */
export function ProblemWorkButton({
  problemId,
  kind,
  initial,
  primary,
  onDone,
}: {
  problemId: string;
  kind: ProblemWorkKind;
  initial?: Record<string, unknown>;
  primary?: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation('ledger');
  const message = useMessage();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const fields = PROBLEM_WORK_FIELDS[kind];

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const body = fromFormValues(fields, values);
      if (kind === 'handling' && body.handling === undefined) body.handling = null;
      await api(REQUEST[kind].path(problemId), { method: REQUEST[kind].method, body });
      setOpen(false);
      form.resetFields();
      void message.success(t(`work.${kind}.done`));
      onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        onClick={() => setOpen(true)}
        data-testid={`work-${kind}`}
      >
        {t(`work.${kind}.button`)}
      </Button>
      <Modal
        open={open}
        title={t(`work.${kind}.title`)}
        okText={t('work.submit')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
          <SchemaForm fields={fields} error={error} />
        </Form>
      </Modal>
    </>
  );
}
