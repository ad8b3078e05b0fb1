import { doublingPercent } from '@hardtech/domain/doubling';
import type { CaseReport, CaseStanding } from '@hardtech/domain/case-file/standing';
import { LEDGER_STATUSES, PROBLEM_STATUSES } from '@hardtech/domain/ledger';
import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import { Card, Col, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useFormat } from '../../format';
import { useLocalText, useOptionLabel } from '../../i18n';
import { DoublingBasis } from '../enterprises/DoublingBasis';
import { STATUS_COLOURS } from '../enterprises/ProblemTable';
import { useResponsibleDepartment } from '../ledger/useResponsibleDepartment';

/** The report's figures in the order of its form, labelled as the enterprise filled them in. */
const REPORT_FIELDS = TASK_FORMS.QUARTERLY_REPORT.outcomes.submit.fields.filter((f) =>
  ['quarter', 'revenue', 'rdExpense', 'headcount', 'newClassOneIp', 'financing'].includes(f.name),
);

/**
 * Where a member stands, beside a decision on it (季度评审, 毕业移出): 三年倍增 as its home shows it,
 * its reports quarter by quarter, and its ledger with the overdue problems named. `quarter` is the
 * one the task decides on, marked in the table.
 */
export function MemberStanding({ standing, quarter }: { standing: CaseStanding; quarter?: string | null }) {
  const { t } = useTranslation('task');
  return (
    <Card size="small" title={t('standing.title')} data-testid="case-standing">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Doubling doubling={standing.doubling} />
        <Reports reports={standing.reports} quarter={quarter} />
        <Ledger ledger={standing.ledger} />
      </Space>
    </Card>
  );
}

function Doubling({ doubling: d }: { doubling: CaseStanding['doubling'] }) {
  const { t } = useTranslation('task');
  const format = useFormat();
  if (!d) return <Typography.Text type="secondary">{t('standing.noReport')}</Typography.Text>;
  return (
    <div data-testid="standing-doubling">
      <Space orientation="vertical" size={0}>
        <Typography.Text strong>{t('standing.doubling')}</Typography.Text>
        <DoublingBasis />
      </Space>
      <Row gutter={[16, 8]} style={{ marginTop: 8 }}>
        {/* On a phone each figure takes the line: 10,733.3333 万元 broke beside the baseline. */}
        <Col xs={24} sm={12}>
          <Statistic title={t('standing.baseline')} value={format.yuan(d.baselineRevenue) || '—'} />
        </Col>
        <Col xs={24} sm={12}>
          <Statistic
            title={t('standing.annualized', { quarter: format.quarter(d.quarter) })}
            value={format.yuanRounded(d.annualizedRevenue)}
          />
        </Col>
      </Row>
      {d.growth !== null && (
        <>
          <Space wrap size={6} style={{ marginTop: 8 }}>
            <Typography.Text data-testid="standing-growth">
              {t('standing.growth', { growth: d.growth.toFixed(2) })}
            </Typography.Text>
            {d.expected !== null && (
              <Tag color={d.onTrack ? 'green' : 'orange'}>
                {t(d.onTrack ? 'standing.onTrack' : 'standing.behind', { expected: d.expected.toFixed(2) })}
              </Tag>
            )}
          </Space>
          <Progress percent={doublingPercent(d.growth)} status="normal" />
        </>
      )}
    </div>
  );
}

function Reports({ reports, quarter }: { reports: CaseReport[]; quarter?: string | null }) {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const format = useFormat();
  const revenueBefore = new Map(reports.map((r, i) => [r.quarter, reports[i - 1]?.revenue]));
  return (
    <div>
      <Typography.Text strong>{t('standing.reports')}</Typography.Text>
      <ResponsiveTable<CaseReport>
        data-testid="standing-reports"
        size="small"
        style={{ marginTop: 8 }}
        rowKey="quarter"
        pagination={false}
        dataSource={reports}
        locale={{ emptyText: t('standing.noReports') }}
        columns={REPORT_FIELDS.map((f) => ({
          key: f.name,
          title: text(f.label),
          dataIndex: f.name,
          render: (value: unknown, r: CaseReport) => {
            const shown = format.field(f, value);
            if (f.name === 'quarter')
              return r.quarter === quarter ? (
                <Space size={4}>
                  {shown}
                  <Tag color="blue">{t('standing.underReview')}</Tag>
                </Space>
              ) : (
                shown
              );
            if (f.name !== 'revenue') return shown;
            const before = revenueBefore.get(r.quarter);
            // The trend a reviewer looks for: up or down on the quarter before.
            const arrow =
              before === undefined || before === r.revenue ? '' : before < r.revenue ? ' ↑' : ' ↓';
            return `${shown}${arrow}`;
          },
        }))}
      />
    </div>
  );
}

function Ledger({ ledger }: { ledger: CaseStanding['ledger'] }) {
  const { t } = useTranslation('task');
  const label = useOptionLabel();
  const responsible = useResponsibleDepartment();
  return (
    <div data-testid="standing-ledger">
      <Typography.Text strong>{t('standing.ledger', { n: ledger.total })}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        {ledger.total === 0 ? (
          <Typography.Text type="secondary">{t('standing.noProblems')}</Typography.Text>
        ) : (
          <Space wrap size={4}>
            {ledger.byStatus.map((s) => (
              <Tag key={s.status} color={STATUS_COLOURS[s.status]}>
                {label(LEDGER_STATUSES, s.status)} {s.n}
              </Tag>
            ))}
            <Tag color={ledger.overdue.length ? 'red' : undefined}>
              {t('standing.overdue', { n: ledger.overdue.length })}
            </Tag>
          </Space>
        )}
      </div>
      {ledger.overdue.length > 0 && (
        <ul style={{ margin: '8px 0 0', paddingInlineStart: 18 }} data-testid="standing-overdue">
          {ledger.overdue.map((p) => (
            <li key={p.id}>
              <Typography.Text>{p.title}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {t('standing.overdueLine', {
                  owner: responsible(p),
                  status: label(PROBLEM_STATUSES, p.status),
                  due: p.dueAt,
                })}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
