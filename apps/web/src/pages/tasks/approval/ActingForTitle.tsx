import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A task's action button with its dialog (加签, 退回, 抄送). */
export interface ActionDialogProps {
  taskId: string;
  onDone(): void;
  /** 委托代理: the principal's name, when the caller acts for them (the title says 代 X). */
  actingFor?: string | null;
}

/**
 * 委托代理: a dialog's title with whom the caller acts for, 加签（代 张三）, so the proxy sees before
 * sending that the action is recorded as theirs on the principal's behalf. Just the title otherwise.
 */
export function ActingForTitle({ title, actingFor }: { title: string; actingFor?: string | null }) {
  const { t } = useTranslation('task');
  if (!actingFor) return <>{title}</>;
  return (
    <>
      {title}
      <Typography.Text type="secondary" data-testid="acting-for">
        {t('proxy.for', { name: actingFor })}
      </Typography.Text>
    </>
  );
}
