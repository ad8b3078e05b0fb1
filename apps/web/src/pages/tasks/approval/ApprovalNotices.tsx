import { Alert, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../taskTypes';
import { dateTimeText } from '../../../format';

/** The 退回 notice's element id: on a phone 去办理 brings the reason into view with the form. */
export const RETURNED_NOTICE_ID = 'returned-notice';

/** Sent back (退回) and open to be done again: what the returned notice stands for. */
const returnedOpen = (
  task: TaskDetail,
): task is TaskDetail & { returned: NonNullable<TaskDetail['returned']> } =>
  !!task.returned && task.status === 'open';

/**
 * Why the step was sent back (退回) and by whom, while it is open to be done again. Above the form
 * on a desk; on a phone at the top of the page, where the task's status is read: below the case
 * file it was 2,600 px down, and a report sent back looked like any other open one.
 */
export function ReturnedNotice({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('task');
  if (!returnedOpen(task)) return null;
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

/** What a 会签 task asks of its reader: the asker's note. Placed as the 退回 notice is. */
function CountersignAsked({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('task');
  if (!task.countersignOf) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="countersign-asked"
      title={
        task.countersignOf.requestedByName
          ? t('approval.countersignAskedBy', { name: task.countersignOf.requestedByName })
          : t('approval.countersignAsked')
      }
      description={task.countersignOf.note}
    />
  );
}

/**
 * What the step asks of its reader before the case: why it was sent back (退回), what a 会签 asks.
 * On a phone at the top of the page (below the case file the walk found them 2,600–3,000 px down).
 */
export function AskedNotices({ task }: { task: TaskDetail }) {
  // Nothing at all when neither applies: an empty item would add a gap to the page's column.
  if (!returnedOpen(task) && !task.countersignOf) return null;
  // A step both sent back and countersigned is rare; the two then stand apart, not touching.
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ReturnedNotice task={task} />
      <CountersignAsked task={task} />
    </Space>
  );
}

/**
 * Above the form: whom a proxy acts for, the countersignatures asked on the task with who has
 * answered (their opinions are in the case file), and on a desk what the step asks (AskedNotices).
 */
export function ApprovalNotices({ task, withAsked = true }: { task: TaskDetail; withAsked?: boolean }) {
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
      {withAsked && <AskedNotices task={task} />}
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
