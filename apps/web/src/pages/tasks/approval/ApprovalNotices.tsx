import { Alert, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../taskTypes';
import { dateTimeText } from '../../../format';

/** The 退回 notice's element id: on a phone 去办理 brings the reason into view with the form. */
export const RETURNED_NOTICE_ID = 'returned-notice';

/**
 * Above the form: why the step was sent back (退回), and the countersignatures asked on the task
 * with who has answered (their opinions are in the case file).
 */
export function ApprovalNotices({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('task');
  const rounds = task.countersigns ?? [];
  return (
    <>
      {task.returned && task.status === 'open' && (
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
      )}
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
