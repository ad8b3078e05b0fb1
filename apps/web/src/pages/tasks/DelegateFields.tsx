import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { personOption } from '../../components/PeoplePicker';
import { personText } from '../../components/PersonName';
import type { Candidate } from './taskTypes';

interface DelegateFieldsProps {
  candidates: Candidate[];
  loading: boolean;
  to: string | undefined;
  onTo(to: string): void;
  reason: string;
  onReason(reason: string): void;
}

/**
 * 转办's two fields, for one task and in bulk: the receiver picked from the candidates (never typed),
 * why. The callers say so instead when there is nobody to pick.
 */
export function DelegateFields({ candidates, loading, to, onTo, reason, onReason }: DelegateFieldsProps) {
  const { t } = useTranslation('task');
  const { t: common } = useTranslation('common');
  return (
    <Form layout="vertical">
      <Form.Item label={t('assign.delegateTo')} htmlFor="delegate-to">
        <Select
          id="delegate-to"
          // Found by what is typed in any other picker: the name or the login, the proxy's own (it
          // read 自己 only) as well as the principal's.
          showSearch={{ optionFilterProp: 'text' }}
          // As 加签 and 抄送 say it: an empty box did not tell the walk's coordinator to type a name.
          placeholder={common('people.placeholder')}
          loading={loading}
          value={to}
          onChange={onTo}
          // Each person as 抄送, 委托代理 and 加签 show them: name, account and department.
          options={candidates.map((c) => {
            if (!c.onBehalfOf) return personOption(c);
            // 委托代理: the proxy itself, taking the principal's task for them.
            const self = t('assign.selfFor', { name: c.onBehalfOf.displayName });
            const option = personOption(c, self);
            return { ...option, text: `${option.text} ${personText(c.onBehalfOf)}`, display: self };
          })}
          optionLabelProp="display"
        />
      </Form.Item>
      <Form.Item label={t('assign.reason')} htmlFor="delegate-reason">
        <Input.TextArea
          id="delegate-reason"
          maxLength={500}
          value={reason}
          onChange={(e) => onReason(e.target.value)}
        />
      </Form.Item>
    </Form>
  );
}
