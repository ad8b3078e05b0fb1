import { Alert, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../taskTypes';
import { dateTimeText } from '../../../format';

/** The 退回 notice's element id: on a phone 去办理 brings the reason into view with the form. */
export const RETURNED_NOTICE_ID = 'returned-notice';

/**
 * Why the step was sent back (退回) and by whom, while it is open to be done again. Above the form
 * on a desk; on a phone at the top of the page, where the task's status is read: below the case
 * file it was 2,600 px down, and a report sent back looked like any other open one.
 */
export function ReturnedNotice({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('task');
  if (!task.returned || task.status !== 'open') return null;
  return (
    <Alert
      type="warning"
      showIcon
      id={RETURNED_NOTICE_ID}
      data-testid="returned-notice"
      title={
        task.returned.by
          ? t('approval.returnedNotice', { by: task.returned.byName ?? task.returned.by })
          : t('approval.returnedNoticeNoOne')
      }
      description={task.returned.reason}
    />
  );
}

/**
 * Above the form: whom a proxy acts for, the countersignatures asked on the task with who has
 * answered (their opinions are in the case file), and on a desk why the step was sent back.
 */
export function ApprovalNotices({ task, withReturned = true }: { task: TaskDetail; withReturned?: boolean }) {
  const { t } = useTranslation('task');
  const rounds = task.countersigns ?? [];
  return (
    <>
      {task.actingFor && task.status === 'open' && (
        // 委托代理: the proxy reads, before doing anything, that it is recorded as done for the
        // principal; the walk's proxy read only 办理人 李明 and could not tell.
        <Alert
          type="info"
          showIcon
          data-testid="acting-for-notice"
          title={t('proxy.notice', { name: task.actingFor.displayName })}
        />
      )}
      {withReturned && <ReturnedNotice task={task} />}
      {task.countersignOf && (
        <Alert
          type="info"
          showIcon
          title={t('approval.countersignAsked')}
          description={task.countersignOf.note}
        />
      )}
      {rounds.length > 0 && (
        <List
          size="small"
          bordered
          data-testid="countersigns"
          header={t('approval.countersignsTitle')}
          dataSource={rounds}
          renderItem={(round) => (
            <List.Item>
              <span>
                {t(round.mode === 'all' ? 'approval.modeAll' : 'approval.modeAny')} · {dateTimeText(round.at)}
                {round.note ? ` · ${round.note}` : ''}
              </span>
              <span>
                {round.users.map((u, i) => {
                  const answer = round.answers.find((a) => a.user === u);
                  return (
                    <Tag
                      key={u}
                      title={u}
                      color={answer ? (answer.outcome === 'agree' ? 'green' : 'red') : 'default'}
                    >
                      {round.userNames?.[i] ?? u}：
                      {answer ? t(`approval.answer.${answer.outcome}`) : t('approval.answer.pending')}
                    </Tag>
                  );
                })}
              </span>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
