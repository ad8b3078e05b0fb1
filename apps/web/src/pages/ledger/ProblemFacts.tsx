import { Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import {
  IN_PROGRESS_LABEL,
  LEDGER_STATUSES,
  ledgerStatusOf,
  PROBLEM_CATEGORIES,
  PROBLEM_MEASURES_LABEL,
  PROBLEM_OWNER_LABEL,
  PROBLEM_TARGET_LABEL,
  SPECIAL_HANDLING,
} from '@hardtech/domain/ledger';
import { whistleAnswerStanding } from '@hardtech/domain/whistle';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../api/contract';
import { useLocalText, useOptionLabel } from '../../i18n';
import { dateTimeText } from '../../format';
import { useResponsibleDepartment } from './useResponsibleDepartment';

/** GET /api/problems/:id, redacted for the reader by the server. */
export type ProblemDetail = Answer<'/problems/{id}'>;

/**
 * What a problem is and where it stands: status, category, owner, due date (and a new one asked
 * for, with its reason), measures and target, the close request and the enterprise's whistle. The
 * ledger's drawer and the task that decides on it (销号, 延期, 部门报到) show the same.
 */
export function ProblemFacts({ problem: p }: { problem: ProblemDetail }) {
  const { t } = useTranslation('ledger');
  const label = useOptionLabel();
  const local = useLocalText();
  const owner = useResponsibleDepartment();
  const planPending = <Typography.Text type="secondary">{t('planPending')}</Typography.Text>;
  return (
    // A label in one line: at 390 px the label column broke 化解状态 into 化解 / 状态.
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="problem-facts"
    >
      <Descriptions.Item label={t('fields.status')}>
        <Tag data-testid="problem-status">{label(LEDGER_STATUSES, ledgerStatusOf(p))}</Tag>
        {p.handling && <Tag color="purple">{label(SPECIAL_HANDLING, p.handling)}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.category')}>
        {label(PROBLEM_CATEGORIES, p.category)}
      </Descriptions.Item>
      <Descriptions.Item label={local(PROBLEM_OWNER_LABEL)}>{owner(p)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.dueAt')}>
        {p.dueAt}
        {p.extension && (
          <Typography.Text type="warning" style={{ marginLeft: 8 }}>
            {t('extensionPending', { date: p.extension.dueAt })}
          </Typography.Text>
        )}
      </Descriptions.Item>
      {p.extension?.reason && (
        <Descriptions.Item label={t('fields.extensionReason')}>{p.extension.reason}</Descriptions.Item>
      )}
      {/* A whistled new problem has neither until its department answers (whistle-plan.ts). */}
      <Descriptions.Item label={local(PROBLEM_MEASURES_LABEL)}>{p.measures || planPending}</Descriptions.Item>
      <Descriptions.Item label={local(PROBLEM_TARGET_LABEL)}>{p.target || planPending}</Descriptions.Item>
      {p.closeSummary && (
        <Descriptions.Item label={t('fields.closeSummary')}>{p.closeSummary}</Descriptions.Item>
      )}
      {p.whistle && (
        <Descriptions.Item label={t('whistle')}>
          <Typography.Text strong>{p.whistle.title}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
            {p.whistle.description}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{dateTimeText(p.whistle.at)}</Typography.Text>
        </Descriptions.Item>
      )}
      {/* Items stay direct children: Descriptions reads its items' props. */}
      {(p.whistle?.answer || p.whistleStatus === 'open') && (
        <Descriptions.Item label={t('whistleAnswer.label')}>
          <WhistleAnswer problem={p} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The reply's tag: "resolved" is the department's claim until the 销号 review confirms it. */
const STANDING = {
  resolved: { key: 'whistleAnswer.resolved', colour: 'green' },
  closing: { key: 'whistleAnswer.closing', colour: 'gold' },
  unresolved: { key: null, colour: 'blue' }, // the status's own word: IN_PROGRESS_LABEL
} as const;

/**
 * 部门报到: the owner department's reply to the whistle, by department and when — addressed to the
 * enterprise, which looks for it here — or that it is awaited.
 */
function WhistleAnswer({ problem: p }: { problem: ProblemDetail }) {
  const { t } = useTranslation('ledger');
  const local = useLocalText();
  const owner = useResponsibleDepartment();
  const answer = p.whistle?.answer;
  if (!answer) {
    return (
      <Typography.Text type="secondary" data-testid="whistle-waiting">
        {t('whistleAnswer.waiting', { department: owner(p) })}
      </Typography.Text>
    );
  }
  const standing = STANDING[whistleAnswerStanding(answer.resolved, p.status)];
  return (
    <div data-testid="whistle-answer">
      <Tag color={standing.colour}>{standing.key ? t(standing.key) : local(IN_PROGRESS_LABEL)}</Tag>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
        {answer.response}
      </Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('whistleAnswer.by', {
          department: owner(p, answer.department),
          date: dateTimeText(answer.at),
        })}
      </Typography.Text>
    </div>
  );
}

/** The problem's ledger work, oldest first: when, who and what (a note hidden from an enterprise). */
export function ProblemProgress({ problem: p }: { problem: ProblemDetail }) {
  const { t } = useTranslation('ledger');
  return p.progress.length ? (
    <Timeline
      data-testid="problem-timeline"
      items={p.progress.map((e) => ({
        content: (
          <>
            <Typography.Text type="secondary">
              {dateTimeText(e.at)} {e.actorName ?? ''}
            </Typography.Text>
            <div>{e.note ?? t('progressRecorded')}</div>
          </>
        ),
      }))}
    />
  ) : (
    <Empty description={t('noProgress')} />
  );
}
