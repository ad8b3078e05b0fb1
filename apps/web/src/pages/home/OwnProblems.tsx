import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { dateText, dateTimeText } from '../../format';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ledgerStatusOf, problemOverdue } from '@hardtech/domain/ledger';
import type { Stage } from '@hardtech/domain/stages';
import { whistleAnswerStanding } from '@hardtech/domain/whistle';
import type { ProblemView } from '../enterprises/types';
import { LedgerStatusTag } from '../enterprises/ProblemTable';
import { WhistleTag } from '../ledger/WhistleTag';
import { useResponsibleDepartment } from '../ledger/useResponsibleDepartment';
import { ItemList } from './ItemList';

/**
 * 诉求: the enterprise's problems in the ledger with their status, owner (the lead cluster's 行业处室
 * for the industry side) and due date, and the
 * whistle's standing (企业吹哨·待报到 since when, or ·已报到 with the department's reply and when) — by
 * department, never which officer. `whistle`: 吹哨 where the enterprise reads its problems on the page
 * it lands on (the walk's user found it only in 企业档案): under a problem (given it) when the rule
 * lets it be whistled on, so never a second time while one waits for its answer, and under the list
 * for a new problem (given null).
 */
export function OwnProblems({
  problems,
  stage,
  whistle,
}: {
  problems: ProblemView[];
  /** The enterprise's: once its lifecycle ended, an open problem reads 帮扶已结束. */
  stage: Stage;
  whistle?: (problem: ProblemView | null) => ReactNode;
}) {
  const { t } = useTranslation('dashboard');
  const owner = useResponsibleDepartment();
  const today = dateText(new Date().toISOString());
  return (
    <Card
      size="small"
      data-testid="home-problems"
      title={t('home.problems.title')}
      extra={<Link to="/problems">{t('home.problems.ledger')}</Link>}
    >
      <ItemList
        items={problems}
        empty={t('home.problems.none')}
        testId="home-problem"
        itemKey={(p) => p.id}
        render={(p) => (
          <Space orientation="vertical" size={2}>
            <Space wrap>
              <Typography.Text strong>{p.title}</Typography.Text>
              <LedgerStatusTag status={ledgerStatusOf({ status: p.status, enterpriseStage: stage })} />
              {problemOverdue({ ...p, enterpriseStage: stage }, today) && (
                <Tag color="red">{t('home.problems.overdue')}</Tag>
              )}
              <WhistleTag status={p.whistleStatus} at={p.whistledAt} />
            </Space>
            <Typography.Text type="secondary">
              {t('home.problems.owner', { owner: owner(p) })}
              {' · '}
              {t('home.problems.due', { date: p.dueAt })}
            </Typography.Text>
            <WhistleReply problem={p} />
            {whistle?.(p)}
          </Space>
        )}
      />
      {whistle && <div style={{ marginTop: 12 }}>{whistle(null)}</div>}
    </Card>
  );
}

/**
 * 已答复 with the reply, or that the whistle still waits for the owner department. A reply that says
 * resolved reads 待审核销号 until the coordinators close the problem out.
 */
const ANSWERED = {
  resolved: 'home.problems.answeredResolved',
  closing: 'home.problems.answeredClosing',
  unresolved: 'home.problems.answered',
} as const;

function WhistleReply({ problem: p }: { problem: ProblemView }) {
  const { t } = useTranslation('dashboard');
  const owner = useResponsibleDepartment();
  const answer = p.whistleAnswer;
  if (!answer) {
    return p.whistleStatus === 'open' ? (
      <Typography.Text type="secondary" data-testid="home-whistle-waiting">
        {t('home.problems.awaiting', {
          department: owner(p),
          date: p.whistledAt ? dateText(p.whistledAt) : '',
        })}
      </Typography.Text>
    ) : null;
  }
  return (
    <div data-testid="home-whistle-answer">
      <Space wrap size={4}>
        <Tag color="green">{t(ANSWERED[whistleAnswerStanding(answer.resolved, p.status)])}</Tag>
        <Typography.Text type="secondary">
          {t('home.problems.answeredBy', {
            department: owner(p, answer.department),
            date: dateTimeText(answer.at),
          })}
        </Typography.Text>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0 0' }}>
        {answer.response}
      </Typography.Paragraph>
    </div>
  );
}
