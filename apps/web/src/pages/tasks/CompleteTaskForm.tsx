import type { RefField } from '@hardtech/domain/forms/schema';
import { Alert, Button, Form, Radio, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { fromFormValues, toFormValues } from '../../components/forms/formValues';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { RetryNotice } from '../../components/RetryNotice';
import { useLocalText } from '../../i18n';
import { useKeyedSend } from './idempotency';
import { fixedFields, initialData } from './initialData';
import { neededFields } from './neededFields';
import type { CompleteResult, TaskDetail } from './taskTypes';
import { useAction } from './useAction';
import { useProblemChoices } from './useProblemChoices';
import { useUserChoices } from './useUserChoices';

/** The outcome picker, the outcome's fields and the submit of `POST /api/tasks/:id/complete`. */
export function CompleteTaskForm({
  task,
  onCompleted,
}: {
  task: TaskDetail;
  onCompleted(r: CompleteResult): void;
}) {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const [form] = Form.useForm();
  // 撤回: an officer's own withdrawn result, its outcome with its data (initialData), to send again.
  const withdrawn = task.outcomes.find((o) => o.outcome === task.withdrawn?.outcome)?.outcome;
  // A single outcome needs no choosing; between several the officer decides, nothing is preselected.
  const [outcome, setOutcome] = useState(task.outcomes.length === 1 ? task.outcomes[0].outcome : withdrawn);
  const { busy, error, setError, run } = useAction();
  const { retrying, send, cancel } = useKeyedSend();
  const fields = useMemo(
    () =>
      neededFields(
        (outcome ? task.form.outcomes[outcome]?.fields : undefined) ?? [],
        task.enterprise?.screening,
        task.problemPlanMissing,
      ),
    [task, outcome],
  );
  const allFields = useMemo(() => Object.values(task.form.outcomes).flatMap((o) => o.fields), [task]);
  const initialValues = useMemo(() => toFormValues(allFields, initialData(task)), [allFields, task]);
  const userChoices = useUserChoices(allFields, task.enterprise?.district);
  const problemChoices = useProblemChoices(allFields, task.creditCode);
  const refChoices = useCallback(
    (field: RefField) => (field.ref === 'problem' ? problemChoices : userChoices(field)),
    [problemChoices, userChoices],
  );

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !outcome) return;
    const body = { outcome, data: fromFormValues(fields, values) };
    await run(async () => {
      // A 503 with Retry-After (a workflow task being retried, a dependency away) is sent again
      // by itself with the same key: the server completes the task once.
      const result = await send(body, (headers) =>
        call('post', '/tasks/{id}/complete', { params: { id: task.id }, body, headers }),
      );
      onCompleted(result);
    });
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      disabled={!!retrying}
      data-testid="task-form"
    >
      {task.withdrawn && (
        <Alert
          type="info"
          showIcon
          title={t('complete.withdrawnLoaded')}
          style={{ marginBottom: 16 }}
          data-testid="withdrawn-loaded"
        />
      )}
      <Form.Item label={t('complete.outcome')} required>
        <Radio.Group
          data-testid="outcome"
          optionType="button"
          buttonStyle="solid"
          value={outcome}
          onChange={(e) => {
            setOutcome(e.target.value);
            setError(null);
          }}
          options={task.outcomes.map((o) => ({ value: o.outcome, label: text(o.label) }))}
        />
      </Form.Item>
      {outcome ? (
        <SchemaForm
          fields={fields}
          error={error}
          errorPrefix="data."
          refChoices={refChoices}
          fixed={fixedFields(task)}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('complete.chooseOutcome')}</Typography.Paragraph>
      )}
      <RetryNotice retrying={retrying} onCancel={cancel} />
      <Button
        type="primary"
        disabled={!outcome || !!retrying}
        loading={busy}
        onClick={submit}
        data-testid="complete-submit"
      >
        {t('complete.submit')}
      </Button>
    </Form>
  );
}
