import { AuditOutlined } from '../../components/icons';
import { AUDIT_LOG_READERS } from '@hardtech/domain/roles';
import { Button, Card, Col, Empty, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useApi, useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrintButton } from '../../components/PrintButton';
import type { Statechart } from '../../components/statechart/definition';
import { StatechartDiagram } from '../../components/statechart/StatechartDiagram';
import { Attachments } from './Attachments';
import { DoublingBasis } from './DoublingBasis';
import { DoublingChart } from './DoublingChart';
import { EnterpriseError } from './EnterpriseError';
import { EnterpriseFacts } from './EnterpriseFacts';
import { HistoryTimeline } from './HistoryTimeline';
import { Lifecycles } from './Lifecycles';
import { OpenTasks } from './OpenTasks';
import { PortraitChart } from './PortraitChart';
import { ProblemTable } from './ProblemTable';
import type { EnterpriseDetail, HistoryEntry } from './types';
import { WhistleButton } from './WhistleButton';

/** One enterprise: where it stands, how it got there, what is open and how it is growing. */
export function EnterprisePage() {
  const { t } = useTranslation('enterprise');
  const { creditCode } = useParams();
  const user = useUser();
  const base = creditCode ? `/enterprises/${encodeURIComponent(creditCode)}` : null;
  const detail = useGet<'/enterprises/{creditCode}', EnterpriseDetail>(
    creditCode ? '/enterprises/{creditCode}' : null,
    { params: { creditCode: creditCode ?? '' } },
  );
  const history = useApi<HistoryEntry[]>(base && `${base}/history`);
  const chart = useApi<Statechart>(base && `${base}/statechart`);
  const e = detail.data;

  if (detail.error) return <EnterpriseError error={detail.error} creditCode={creditCode ?? ''} />;
  if (!e) return <Spin />;
  const reload = () => {
    detail.reload();
    history.reload();
  };
  const current = e.membership.filter((m) => m.lifecycleNo === e.lifecycleNo);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {e.name}
        </Typography.Title>
        <Space wrap>
          <WhistleButton enterprise={e} onBlown={reload} />
          {AUDIT_LOG_READERS.includes(user.role) && (
            // The enterprise's audit trail, for those who read the audit log.
            <Link to={`/audit?creditCode=${encodeURIComponent(e.creditCode)}`} data-testid="audit-trail-link">
              <Button icon={<AuditOutlined />}>{t('auditTrail')}</Button>
            </Link>
          )}
          <PrintButton
            path={`/enterprises/${encodeURIComponent(e.creditCode)}/dossier.pdf`}
            fileName={`dossier-${e.creditCode}.pdf`}
            label="printDossier"
          />
        </Space>
      </Space>
      <EnterpriseFacts enterprise={e} />
      <Card title={t('sections.statechart')} size="small">
        <ErrorAlert error={chart.error} />
        {chart.data ? <StatechartDiagram chart={chart.data} /> : <Spin />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('sections.openTasks')} size="small">
              <OpenTasks tasks={e.openTasks} />
            </Card>
            <Card
              title={t('sections.timeline')}
              size="small"
              styles={{ body: { maxHeight: 640, overflow: 'auto' } }}
            >
              <ErrorAlert error={history.error} />
              {history.data ? <HistoryTimeline entries={history.data} /> : <Spin />}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('sections.portrait')} size="small">
              <PortraitChart portrait={e.diagnosis?.portrait} diagnosedAt={e.diagnosis?.at} />
            </Card>
            <Card title={t('sections.doubling')} size="small">
              <DoublingChart
                baseline={e.baselineRevenue}
                admittedAt={current[0]?.from}
                reports={e.quarterlyReports}
              />
              <DoublingBasis />
            </Card>
          </Space>
        </Col>
      </Row>
      <Card title={t('sections.ledger')} size="small">
        <ProblemTable creditCode={e.creditCode} problems={e.problems} stage={e.stage} />
      </Card>
      <Card title={t('sections.lifecycles')} size="small">
        {e.lifecycles.length ? <Lifecycles lifecycles={e.lifecycles} /> : <Empty />}
      </Card>
      <Card title={t('sections.attachments')} size="small">
        <Attachments creditCode={e.creditCode} />
      </Card>
    </Space>
  );
}
