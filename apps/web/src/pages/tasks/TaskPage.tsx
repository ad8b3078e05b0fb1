import { stepOutcomeLabel } from '@hardtech/domain/visibility/step-outcomes';
import { isEnterpriseStep, worksNoCases } from '@hardtech/domain/task-permissions';
import { ADMIN_ROLES, type Role } from '@hardtech/domain/roles';
import { TASK_STATE_LABELS, taskHandled, taskState } from '@hardtech/domain/tasks/state';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useReference } from '../../api/reference';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { NameWithAccountTip } from '../../components/PersonName';
import { PrintButton } from '../../components/PrintButton';
import { useLocalText } from '../../i18n';
import { approvalActionButtons } from './approval/ApprovalActionButtons';
import { ReopenedStepLink, type ReopenedStep } from './approval/ReopenedStepLink';
import { WithdrawButton } from './approval/WithdrawButton';
import { ApprovalNotices, AskedNotices } from './approval/ApprovalNotices';
import { AssignmentButtons } from './AssignmentButtons';
import { CcButton } from './CcButton';
import { UrgeButton } from './UrgeButton';
import { CommentsPanel } from './CommentsPanel';
import { CompleteTaskForm } from './CompleteTaskForm';
import { AnnualEvaluationPanel } from './AnnualEvaluationPanel';
import { DueTag } from './DueTag';
import { TaskMissing } from './TaskMissing';
import { CaseFilePanel } from './CaseFilePanel';
import { JUMP_BAR_HEIGHT, JumpToFormBar } from './JumpToFormBar';
import { TaskProblemCard } from './TaskProblemCard';
import { REVIEW_REPORT_ID, ReviewReportCard, reportUnderReview } from './ReviewReportCard';
import type { CompleteResult, TaskDetail } from './taskTypes';
import { CopiesList } from './approval/CopiesList';
import { EvidenceFiles } from '../../components/EvidenceFiles';
import { useNarrow } from '../../layout/useNarrow';
import { useInboxAllowed } from '../dashboard/useInboxAllowed';
import { dateTimeText } from '../../format';

/**
 * 任务办理 as a 审批单: the case file (figures, screening, earlier opinions, evidence) beside the
 * form of the outcomes, stacked on a narrow screen; the comments and the task's files below.
 */
const FORM_ID = 'complete-task';

export function TaskPage() {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const navigate = useNavigate();
  const reference = useReference();
  const { id } = useParams();
  const narrow = useNarrow();
  const { role } = useUser();
  // An auditor reads tasks and has no inbox to go back to.
  const hasInbox = useInboxAllowed();
  const task = useGet<'/tasks/{id}', TaskDetail>(id ? '/tasks/{id}' : null, { params: { id: id ?? '' } });
  const [completed, setCompleted] = useState<CompleteResult | null>(null);
  // 退回 here: the step it reopened, linked from the task now closed (the message fades). Kept with
  // the task's id: the link leads to another task on this same page.
  const [reopened, setReopened] = useState<{ from: string; step: ReopenedStep } | null>(null);
  // The short 办理完成 replaces a long form the officer scrolled down through: bring it into view,
  // or they are left looking at the case file with no sign that the task went through.
  useEffect(() => {
    if (completed) document.getElementById(FORM_ID)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [completed]);

  if (task.error) return <TaskMissing error={task.error} />;
  if (!task.data) return <Spin />;
  const detail = task.data;
  const stageLabel = (stage: string) =>
    text(reference?.stages[stage as keyof typeof reference.stages]) || stage;
  const open = detail.status === 'open' && !completed;
  const report = reportUnderReview(detail);
  const completedBy =
    detail.caseFile?.opinions.find((o) => o.taskId === detail.id)?.actorName ?? detail.completedBy ?? '';
  const backToInbox = hasInbox && (
    <Button type="primary" onClick={() => navigate('/inbox')}>
      {t('backToInbox')}
    </Button>
  );

  const afterApprovalAction = () => {
    setCompleted(null); // a withdrawn completion: the task is open again
    task.reload();
  };
  const actions = (
    <Space wrap>
      {open && (
        <AssignmentButtons
          taskId={detail.id}
          can={detail.actions}
          onChange={task.reload}
          checkFirst
          actingFor={detail.actingFor?.displayName}
          candidateGroups={detail.candidateGroups}
        />
      )}
      {/* Urged already: the button stays, off, saying when this user may urge again. */}
      {open && (detail.actions.urge || detail.urgeableAt) && (
        <UrgeButton taskId={detail.id} onDone={task.reload} urgeableAt={detail.urgeableAt} />
      )}
      {open && detail.actions.cc && (
        <CcButton taskId={detail.id} onDone={task.reload} actingFor={detail.actingFor?.displayName} />
      )}
      {approvalActionButtons({
        task: detail,
        onChange: afterApprovalAction,
        onReturned: (step) => setReopened(step && { from: detail.id, step }),
        withdrawElsewhere: !!completed && !!detail.approvalActions?.withdraw,
      })}
      <PrintButton
        path={`/tasks/${detail.id}/approval-sheet.pdf`}
        fileName={`审批单-${detail.sheetNoText}.pdf`}
        label="printSheet"
      />
    </Space>
  );

  // On a phone the form is below the case file: a bar at the screen's foot takes the officer to it,
  // starting at the report a review decides on, just above it (why a step was sent back is at the top).
  const jumpBar = open && narrow && detail.actions.complete;

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%', paddingBottom: jumpBar ? JUMP_BAR_HEIGHT : undefined }}
    >
      <Card
        title={
          <span style={narrow ? { whiteSpace: 'normal' } : undefined}>
            <span data-testid="task-title">{`${text(detail.label)} · ${detail.enterpriseName}`}</span>
            {/* 审批单编号, as the printed sheet says it: small, beside the title. */}
            <Typography.Text
              type="secondary"
              data-testid="task-sheet-no"
              style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8, whiteSpace: 'nowrap' }}
            >
              {t('sheetNo', { no: detail.sheetNoText })}
            </Typography.Text>
          </span>
        }
        // On a phone the buttons would squeeze the title out of the head: they go in the body.
        extra={narrow ? undefined : actions}
      >
        {narrow && <div style={{ marginBottom: 16 }}>{actions}</div>}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('fields.enterprise')}>
            <Link to={`/enterprises/${detail.creditCode}`}>{detail.enterpriseName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.creditCode')}>{detail.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('fields.stage')}>
            <span data-testid="task-stage">
              {stageLabel(detail.caseFile?.enterprise.stage ?? detail.stage)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.status')}>
            {open && detail.returned ? (
              <Tag data-testid="task-status" color="orange">
                {t('approval.returnedOpen')}
              </Tag>
            ) : (
              <Tag data-testid="task-status">{text(TASK_STATE_LABELS[taskState(detail)])}</Tag>
            )}
          </Descriptions.Item>
          {/* An enterprise's own step has no one to claim it: 未认领 would say it waits for someone. */}
          {!(detail.status === 'open' && isEnterpriseStep(detail)) && (
            <Descriptions.Item label={t('fields.assignee')}>
              {taskHandled(detail) && detail.completedBy ? (
                // Done or sent back (退回): who did it, as the closed line says — a proxy as 王五（代 李四），
                // not the principal who held it; and a task done without a claim (an enterprise's report)
                // names its author.
                <NameWithAccountTip username={detail.completedBy} name={completedBy} testId="task-assignee" />
              ) : detail.assignee ? (
                <NameWithAccountTip
                  username={detail.assignee}
                  name={detail.assigneeName}
                  testId="task-assignee"
                />
              ) : (
                t('unassigned')
              )}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('fields.dueAt')}>
            <DueTag
              dueAt={detail.dueAt}
              overdue={detail.overdue}
              open={detail.status === 'open'}
              provisional={detail.provisional}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.createdAt')}>
            {dateTimeText(detail.createdAt)}
          </Descriptions.Item>
          {detail.delegationReason && (
            <Descriptions.Item label={t('fields.delegationReason')}>
              <span data-testid="delegation-reason">{detail.delegationReason}</span>
            </Descriptions.Item>
          )}
          {detail.urgedAt && (
            <Descriptions.Item label={t('fields.urgedAt')}>
              <Tag color="volcano">{dateTimeText(detail.urgedAt)}</Tag>
            </Descriptions.Item>
          )}
          {detail.copies.length > 0 && (
            <Descriptions.Item label={t('fields.copies')}>
              <CopiesList copies={detail.copies} />
            </Descriptions.Item>
          )}
        </Descriptions>
        {detail.copiedToMe && !detail.actions.complete && (
          <Alert type="info" showIcon title={t('actions.copiedToMe')} data-testid="copied-to-me" />
        )}
        {narrow && <AskedNotices task={detail} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {detail.problemId && <TaskProblemCard problemId={detail.problemId} taskStatus={detail.status} />}
            {detail.details?.evaluation && <AnnualEvaluationPanel evaluation={detail.details.evaluation} />}
            {detail.caseFile && (
              <CaseFilePanel
                caseFile={detail.caseFile}
                taskType={detail.type}
                deciding={open}
                quarter={detail.quarter}
                // One card of files: the case file's list takes the task's uploads (a second 佐证材料
                // card said 暂无附件 beside the list of files).
                uploads={
                  open && detail.actions.complete
                    ? {
                        target: { creditCode: detail.creditCode, subject: 'task', subjectId: detail.id },
                        onUploaded: task.reload,
                      }
                    : undefined
                }
              />
            )}
          </Space>
        </Col>
        <Col xs={24} md={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ApprovalNotices task={detail} withAsked={!narrow} />
            {report && <ReviewReportCard report={report} />}
            <Card id={FORM_ID} title={t('complete.title')}>
              {completed ? (
                <Result
                  status="success"
                  title={t('complete.done')}
                  subTitle={t('complete.nextStage', { stage: stageLabel(completed.stage) })}
                  extra={[
                    // 办理完成 is brought into view below a long form, the buttons at the top scrolled
                    // away (a page up on a phone, out of sight at 1440 too): 撤回 is offered where the
                    // officer who just sent it is looking.
                    detail.approvalActions?.withdraw && (
                      <WithdrawButton key="withdraw" taskId={detail.id} onDone={afterApprovalAction} />
                    ),
                    <span key="inbox">{backToInbox}</span>,
                    <Link key="enterprise" to={`/enterprises/${detail.creditCode}`}>
                      {t('viewEnterprise')}
                    </Link>,
                  ]}
                />
              ) : detail.status !== 'open' ? (
                <Alert
                  type="info"
                  data-testid="task-closed"
                  // Who did it after a ·, as the case file does: 王五（代 李四） in brackets of its own
                  // nested them; and no empty brackets where the reader may not know who did it.
                  title={t(completedBy ? 'complete.closedBy' : 'complete.closed', {
                    // A step sent back (退回) closed with an outcome its form does not list.
                    outcome:
                      text(detail.outcomes.find((o) => o.outcome === detail.outcome)?.label) ||
                      text(stepOutcomeLabel(detail.type, detail.outcome ?? '')) ||
                      detail.outcome,
                    by: completedBy,
                  })}
                  description={
                    reopened?.from === detail.id && (
                      <ReopenedStepLink step={reopened.step} onOpen={(to) => navigate(to)} />
                    )
                  }
                  action={backToInbox}
                />
              ) : detail.actions.complete ? (
                <CompleteTaskForm
                  task={detail}
                  onCompleted={(result) => {
                    // The page shows the task as it is now: done, the enterprise's new stage, no buttons.
                    setCompleted(result);
                    task.reload();
                  }}
                />
              ) : (
                <Alert
                  type="warning"
                  title={t(
                    detail.actions.claim
                      ? 'complete.claimFirst'
                      : worksNoCases(role)
                        ? readOnlyNotice(role)
                        : 'complete.notYours',
                  )}
                />
              )}
            </Card>
            <CommentsPanel
              taskId={detail.id}
              comments={detail.comments}
              closed={detail.status !== 'open'}
              onAdded={task.reload}
            />
            {!detail.caseFile && (
              <EvidenceFiles creditCode={detail.creditCode} subject="task" subjectId={detail.id} />
            )}
          </Space>
        </Col>
      </Row>
      {jumpBar && <JumpToFormBar targetId={FORM_ID} firstId={REVIEW_REPORT_ID} />}
    </Space>
  );
}

/**
 * Why a role that works no case only reads the task: the auditor reads it as the record (审计查阅),
 * an administrator keeps the system and works no case (三员), a leader watches the work of others.
 */
function readOnlyNotice(
  role: Role,
): 'complete.auditorReads' | 'complete.administratorReads' | 'complete.readOnly' {
  if (role === 'auditor') return 'complete.auditorReads';
  return ADMIN_ROLES.includes(role) ? 'complete.administratorReads' : 'complete.readOnly';
}
