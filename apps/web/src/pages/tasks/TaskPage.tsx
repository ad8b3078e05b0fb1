import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useReference } from '../../api/reference';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocalText } from '../../i18n';
import { AssignmentButtons } from './AssignmentButtons';
import { CommentsPanel } from './CommentsPanel';
import { CompleteTaskForm } from './CompleteTaskForm';
import { DueTag } from './DueTag';
import { ScreeningPanel } from './ScreeningPanel';
import type { CompleteResult, TaskDetail } from './taskTypes';
import { EvidenceFiles } from '../../components/EvidenceFiles';

/** 任务办理: one task, its enterprise, the form of its outcomes and the comments. */
export function TaskPage() {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const navigate = useNavigate();
  const reference = useReference();
  const { id } = useParams();
  const task = useApi<TaskDetail>(id ? `/tasks/${id}` : null);
  const [completed, setCompleted] = useState<CompleteResult | null>(null);

  if (task.error) return <ErrorAlert error={task.error} />;
  if (!task.data) return <Spin />;
  const detail = task.data;
  const stageLabel = (stage: string) =>
    text(reference?.stages[stage as keyof typeof reference.stages]) || stage;
  const backToInbox = (
    <Button type="primary" onClick={() => navigate('/inbox')}>
      {t('backToInbox')}
    </Button>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`${text(detail.label)} · ${detail.enterpriseName}`}
        extra={<AssignmentButtons taskId={detail.id} can={detail.actions} onChange={task.reload} />}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('fields.enterprise')}>
            <Link to={`/enterprises/${detail.creditCode}`}>{detail.enterpriseName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.creditCode')}>{detail.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('fields.stage')}>{stageLabel(detail.stage)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.status')}>
            <Tag>{t(`status.${detail.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.assignee')}>
            {detail.assignee ?? t('unassigned')}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.dueAt')}>
            <DueTag dueAt={detail.dueAt} overdue={detail.overdue} open={detail.status === 'open'} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.createdAt')}>
            {dayjs(detail.createdAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={detail.type === 'SCREEN' ? 14 : 16}>
          <Card title={t('complete.title')}>
            {completed ? (
              <Result
                status="success"
                title={t('complete.done')}
                subTitle={t('complete.nextStage', { stage: stageLabel(completed.stage) })}
                extra={[
                  <span key="inbox">{backToInbox}</span>,
                  <Link key="enterprise" to={`/enterprises/${detail.creditCode}`}>
                    {t('viewEnterprise')}
                  </Link>,
                ]}
              />
            ) : detail.status !== 'open' ? (
              <Alert
                type="info"
                title={t('complete.closed', {
                  outcome:
                    text(detail.outcomes.find((o) => o.outcome === detail.outcome)?.label) || detail.outcome,
                  by: detail.completedBy ?? '',
                })}
                action={backToInbox}
              />
            ) : detail.actions.complete ? (
              <CompleteTaskForm task={detail} onCompleted={setCompleted} />
            ) : (
              <Alert
                type="warning"
                title={t(detail.actions.claim ? 'complete.claimFirst' : 'complete.notYours')}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={detail.type === 'SCREEN' ? 10 : 8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {detail.type === 'SCREEN' && detail.enterprise?.screening && (
              <ScreeningPanel
                criteria={detail.enterprise.screening.criteria}
                policyVersion={detail.enterprise.screening.policyVersion}
              />
            )}
            <CommentsPanel taskId={detail.id} comments={detail.comments} onAdded={task.reload} />
            <EvidenceFiles creditCode={detail.creditCode} subject="task" subjectId={detail.id} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
