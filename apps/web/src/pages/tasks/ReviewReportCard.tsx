import type { CaseOpinion } from '@hardtech/domain/case-file/case-file';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { OpinionFigures } from './CaseFilePanel';
import type { TaskDetail } from './taskTypes';

/** The steps decided on a quarter's report: the reviewer reads its figures beside the decision. */
const REVIEWS = new Set(['QUARTERLY_REVIEW', 'GRADUATION_REVIEW']);

export const REVIEW_REPORT_ID = 'review-report';

/** The quarter a quarterly report was sent for (2026Q4). */
const quarterOf = (o: CaseOpinion) => (o.data as { quarter?: string } | null)?.quarter;

/** The report a review decides on: the one of the task's quarter, else the latest sent. */
export function reportUnderReview(task: TaskDetail): CaseOpinion | null {
  if (!REVIEWS.has(task.type) || !task.caseFile) return null;
  const reports = task.caseFile.opinions.filter(
    (o) => o.taskType === 'QUARTERLY_REPORT' && o.outcome === 'submit',
  );
  return reports.findLast((o) => quarterOf(o) === task.quarter) ?? reports.at(-1) ?? null;
}

/** 本季度报告 above the form of a review: the figures and the enterprise's note, when it was sent. */
export function ReviewReportCard({ report }: { report: CaseOpinion }) {
  const { t } = useTranslation('task');
  const format = useFormat();
  const quarter = quarterOf(report) ?? '';
  return (
    <Card
      id={REVIEW_REPORT_ID}
      size="small"
      title={t('caseFile.reviewReport', { quarter: format.quarter(quarter) })}
      extra={format.dateTime(report.at)}
      data-testid="review-report"
    >
      <OpinionFigures opinion={report} testId="review-report-figures" />
      {report.opinion && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {report.opinion}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
