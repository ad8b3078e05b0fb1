import { type CaseCriterion, confirmedLabel } from '@hardtech/domain/case-file/case-file';
import { CRITERIA, criterionDetail, type CriterionResult } from '@hardtech/domain/screening';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale, useLocalText } from '../../i18n';

const OUTCOME_COLOURS = { pass: 'green', fail: 'red', judgment: 'blue' } as const;

/** What the officer must add before a pass (二(一)): a note for judgments, a reason for soft failures. */
function need(c: CriterionResult): 'judgment' | 'justification' | 'blocking' | null {
  if (c.kind === 'judgment') return 'judgment';
  if (c.outcome !== 'fail') return null;
  return c.kind === 'soft' ? 'justification' : 'blocking';
}

/** The automatic screening of C1–C6 and S1–S2 against the policy version, with its explanations. */
export function ScreeningPanel({
  criteria,
  policyVersion,
  deciding = false,
  earlier = false,
}: {
  /** A case file's criteria say what the coordinator decided on each once the screening passed. */
  criteria: (CriterionResult & Partial<Pick<CaseCriterion, 'confirmed'>>)[];
  policyVersion?: number;
  /** On the screening task itself: what a pass needs is said (on later tasks it is history). */
  deciding?: boolean;
  /**
   * Material of a stage before admission, on a member's task (a quarterly review): folded to its
   * title, so what the step decides on is not three screens down below C1–C6 repeated every time.
   */
  earlier?: boolean;
}) {
  const { t } = useTranslation('task');
  const text = useLocalText();
  const locale = useLocale();
  const [folded, setFolded] = useState(earlier);
  const version = policyVersion ? t('screening.policyVersion', { version: policyVersion }) : undefined;
  return (
    <Card
      size="small"
      title={t('screening.title')}
      extra={
        earlier ? (
          <Space size={4}>
            {folded ? t('screening.earlier', { n: criteria.length }) : version}
            <Button
              type="link"
              size="small"
              aria-expanded={!folded}
              onClick={() => setFolded(!folded)}
              data-testid="screening-toggle"
            >
              {t(folded ? 'screening.show' : 'screening.hide')}
            </Button>
          </Space>
        ) : (
          version
        )
      }
      styles={folded ? { body: { display: 'none' } } : undefined}
      data-testid="screening"
    >
      {!folded &&
        criteria.map((c) => {
          const needed = deciding ? need(c) : null;
          const confirmed = c.confirmed ? confirmedLabel({ kind: c.kind, confirmed: c.confirmed }) : null;
          return (
            <div
              key={c.id}
              data-testid={`criterion-${c.id}`}
              style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <Space wrap size={4}>
                <Typography.Text strong>{c.id}</Typography.Text>
                <Typography.Text>{text(CRITERIA[c.id]?.label)}</Typography.Text>
                {confirmed ? (
                  // After the decision: what the coordinator confirmed, not 需人工研判 any more.
                  <Tag color="green" data-testid={`criterion-${c.id}-confirmed`}>
                    {text(confirmed)}
                  </Tag>
                ) : (
                  <Tag color={OUTCOME_COLOURS[c.outcome]}>{t(`screening.outcome.${c.outcome}`)}</Tag>
                )}
                {needed && (
                  <Tag color={needed === 'blocking' ? 'red' : 'gold'}>{t(`screening.need.${needed}`)}</Tag>
                )}
              </Space>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {criterionDetail(c, locale)}
              </Typography.Paragraph>
              {c.confirmed?.note && (
                <Typography.Paragraph style={{ margin: 0 }} data-testid={`criterion-${c.id}-note`}>
                  {t('screening.confirmedNote', { note: c.confirmed.note })}
                </Typography.Paragraph>
              )}
            </div>
          );
        })}
    </Card>
  );
}
