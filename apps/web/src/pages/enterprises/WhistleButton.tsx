import { SoundOutlined } from '../../components/icons';
import { Button, Form, Modal, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WHISTLE_FIELDS, WHISTLE_STAGES, whistleOnProblemRefusal } from '@hardtech/domain/whistle';
import { api } from '../../api/client';
import { useUser } from '../../auth/AuthProvider';
import { fromFormValues } from '../../components/forms/formValues';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { useLocalText } from '../../i18n';
import type { EnterpriseDetail, ProblemView } from './types';
import { useClearable, useMessage } from '../../components/controlLabels';

// The problem is picked from the enterprise's ledger rather than typed as an id; the rest is the schema.
const PROBLEM = WHISTLE_FIELDS.find((f) => f.name === 'problemId')!;
const FIELDS = WHISTLE_FIELDS.filter((f) => f !== PROBLEM);

/**
 * 企业吹哨·部门报到: a member enterprise's own users call the owner department to a problem.
 * `problem`: on that ledger problem, offered only while the server's rule lets it be whistled on
 * (whistleOnProblemRefusal: not while a whistle on it awaits its 部门报到, not once closed out);
 * null: on a new problem; absent: the problem picked in the form among those the rule allows.
 */
export function WhistleButton({
  enterprise,
  problem,
  onBlown,
}: {
  enterprise: EnterpriseDetail;
  problem?: ProblemView | null;
  onBlown(): void;
}) {
  const { t } = useTranslation('enterprise');
  const clear = useClearable();
  const local = useLocalText();
  const user = useUser();
  const message = useMessage();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  // The title the last pick wrote into 问题: a later pick replaces it, never what the user typed.
  const filled = useRef('');
  if (user.role !== 'enterprise_user' || !WHISTLE_STAGES.includes(enterprise.stage)) return null;
  if (problem && whistleOnProblemRefusal(problem)) return null;
  const whistleable = enterprise.problems
    .filter((p) => !whistleOnProblemRefusal(p))
    .map((p) => ({ value: p.id, label: p.title }));
  const mode = problem === undefined ? 'pick' : problem === null ? 'new' : 'problem';
  // Once answered, the problem may be whistled on again: the answer did not settle it.
  const label = {
    pick: 'button',
    new: 'newProblem',
    problem: problem?.whistleStatus ? 'again' : 'onProblem',
  };
  const help = { pick: 'help', new: 'helpNew', problem: 'helpProblem' };

  // 问题 starts as the picked ledger problem's title (as 就此问题吹哨 does), editable; cleared with it.
  const pick = (id: string | undefined) => {
    const title = enterprise.problems.find((p) => p.id === id)?.title ?? '';
    const current = (form.getFieldValue('title') as string | undefined) ?? '';
    if (current === '' || current === filled.current) form.setFieldsValue({ title });
    filled.current = title;
  };

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const problemId = mode === 'pick' ? values.problemId : problem?.id;
      const body = { ...fromFormValues(FIELDS, values), problemId: problemId || undefined };
      await api(`/enterprises/${enterprise.creditCode}/whistle`, { body });
      setOpen(false);
      form.resetFields();
      filled.current = '';
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
      <Button
        danger
        icon={<SoundOutlined />}
        size={mode === 'problem' ? 'small' : undefined}
        onClick={() => setOpen(true)}
        data-testid={mode === 'problem' ? 'whistle-on-problem' : undefined}
      >
        {t(`whistle.${label[mode]}`)}
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
        <p>{t(`whistle.${help[mode]}`)}</p>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={problem ? { title: problem.title } : undefined}
          data-testid="whistle-form"
        >
          {mode === 'pick' && (
            <Form.Item name="problemId" label={local(PROBLEM.label)}>
              <Select
                allowClear={clear}
                options={whistleable}
                onChange={pick}
                data-testid="whistle-problem"
              />
            </Form.Item>
          )}
          {problem && (
            <Typography.Paragraph strong data-testid="whistle-problem-fixed">
              {t('whistle.problem', { title: problem.title })}
            </Typography.Paragraph>
          )}
          <SchemaForm fields={FIELDS} error={error} />
        </Form>
      </Modal>
    </>
  );
}
