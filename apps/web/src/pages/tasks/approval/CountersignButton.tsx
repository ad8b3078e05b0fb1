import { Alert, Button, type ButtonProps, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RetryNotice } from '../../../components/RetryNotice';
import { personOption } from '../../../components/PeoplePicker';
import { useKeyedSend } from '../idempotency';
import { useAction } from '../useAction';
import type { TaskDetail } from '../taskTypes';
import { countersignTask } from './approvalCalls';
import { ActingForTitle, type ActionDialogProps } from './ActingForTitle';
import { countersignChoices } from './countersignChoices';
import { useMessage } from '../../../components/controlLabels';

/**
 * 加签: pick officers who may see the enterprise (the server's list), 会签 (all) or 或签 (any).
 * Those still to answer an earlier round are shown but not offered again; an empty picker says why.
 */
export function CountersignButton({
  taskId,
  onDone,
  actingFor,
  countersigns,
}: ActionDialogProps & { countersigns: TaskDetail['countersigns'] }) {
  const { t } = useTranslation('task');
  const { t: common } = useTranslation('common');
  const message = useMessage();
  const [open, setOpen] = useState(false);
  const [users, setUsers] = useState<string[]>([]);
  const [mode, setMode] = useState<'all' | 'any'>('all');
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  // With its Idempotency-Key, sent again by itself on a 503: one set of countersign tasks.
  const { retrying, send, cancel } = useKeyedSend();
  const people = useGet(open ? '/tasks/{id}/countersigners' : null, { params: { id: taskId } });
  const { choices, empty } = countersignChoices(people.data ?? [], countersigns);
  const why = people.data && empty ? t(`approval.countersignEmpty.${empty}`) : null;
  const submit = () =>
    run(async () => {
      const body = { users, mode, note: note.trim() };
      await send(body, (headers) => countersignTask(taskId, body.users, body.mode, body.note, headers));
      message.success(t('approval.countersigned', { count: users.length }));
      setOpen(false);
      onDone();
    });
  return (
    <>
      <Button
        onClick={() => {
          // A new round each time: the last one's picks stayed, so the dialog opened on 会签中 · 赵强
          // with 加签 enabled (409 COUNTERSIGNER_ALREADY_ASKED), the walk's second 加签.
          setUsers([]);
          setMode('all');
          setNote('');
          setError(null);
          setOpen(true);
        }}
        data-testid="countersign-button"
      >
        {t('approval.countersign')}
      </Button>
      <Modal
        open={open}
        title={<ActingForTitle title={t('approval.countersignTitle')} actingFor={actingFor} />}
        okText={t('approval.countersign')}
        okButtonProps={
          {
            disabled: !users.length || !!retrying,
            loading: busy,
            'data-testid': 'countersign-submit',
          } as ButtonProps
        }
        onOk={submit}
        onCancel={() => {
          cancel();
          setOpen(false);
        }}
        destroyOnHidden
      >
        <ErrorAlert error={error ?? people.error} />
        <RetryNotice retrying={retrying} onCancel={cancel} />
        {/* Above the picker: its open list covers what is below it. */}
        {why && (
          <Alert
            type="info"
            showIcon
            title={why}
            style={{ marginBottom: 16 }}
            data-testid="countersign-empty"
          />
        )}
        <Form layout="vertical">
          <Form.Item label={t('approval.countersigners')} htmlFor="countersign-users" required>
            <Select
              id="countersign-users"
              mode="multiple"
              showSearch={{ optionFilterProp: 'text' }}
              // As 抄送 and 委托代理 ask: an empty box said nothing of typing a name to find someone.
              placeholder={common('people.placeholder')}
              loading={people.loading}
              value={users}
              onChange={setUsers}
              // antd's 暂无数据 said nothing of why nobody is there.
              notFoundContent={why ?? common('people.noMatch')}
              // Each person as 抄送 and 委托代理 show them: name, account and department (ui-walk-7).
              options={choices.map((c) => {
                const option = personOption(c, c.asked ? t('approval.countersignMark') : undefined);
                return { ...option, title: option.text, disabled: c.asked };
              })}
              optionLabelProp="display"
            />
          </Form.Item>
          <Form.Item label={t('approval.mode')}>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
              <Radio value="all">{t('approval.modeAll')}</Radio>
              <Radio value="any">{t('approval.modeAny')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('approval.note')} htmlFor="countersign-note">
            <Input.TextArea
              id="countersign-note"
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
