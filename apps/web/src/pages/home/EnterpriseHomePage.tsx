import { Button, Card, Col, Empty, Row, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNarrow } from '../../layout/useNarrow';
import { StageTag } from '../enterprises/StageTag';
import type { EnterpriseDetail } from '../enterprises/types';
import { DoublingProgress } from './DoublingProgress';
import { WHISTLE_STAGES } from '@hardtech/domain/whistle';
import { WhistleButton } from '../enterprises/WhistleButton';
import { OwnProblems } from './OwnProblems';
import { OwnTasks } from './OwnTasks';
import { PathCard } from './PathCard';

/**
 * 总览 for an enterprise user: where its enterprise stands on the path, what it must do now, its
 * problems in the ledger and its own 三年倍增 — read from GET /api/enterprises/:creditCode, which
 * applies the scope and the visibility rule (no officer's judgment, opinion, score or comment).
 */
export function EnterpriseHomePage() {
  const { t } = useTranslation('dashboard');
  const codes = useUser().scope.creditCodes ?? [];
  const [chosen, setChosen] = useState(codes[0]);
  const narrow = useNarrow();
  const detail = useGet<'/enterprises/{creditCode}', EnterpriseDetail>(
    chosen ? '/enterprises/{creditCode}' : null,
    {
      params: { creditCode: chosen ?? '' },
    },
  );
  const e = detail.data;
  if (!chosen) return <Empty description={t('home.noEnterprise')} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="enterprise-home">
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-name">
              {e?.name ?? chosen}
            </Typography.Title>
            {e && <StageTag stage={e.stage} testId="home-stage" full />}
          </Space>
          <Space wrap>
            {codes.length > 1 && (
              <Select
                aria-label={t('home.choose')}
                value={chosen}
                onChange={setChosen}
                options={codes.map((code) => ({ value: code, label: code }))}
                style={{ width: 210 }}
              />
            )}
            <Link to={`/enterprises/${encodeURIComponent(chosen)}`}>
              <Button>{t('home.file')}</Button>
            </Link>
          </Space>
        </Space>
        {e && <Contacts enterprise={e} />}
      </Card>
      <ErrorAlert error={detail.error} />
      {!e && !detail.error && <Spin />}
      {e && (
        <>
          {/* On a phone what is to be done comes first; the path's steps take a screen there. */}
          {narrow && <OwnTasks tasks={e.openTasks} />}
          <PathCard stage={e.stage} since={e.stageSince} tasks={e.openTasks} request={e.supplementRequest} />
          <Row gutter={[16, 16]}>
            {!narrow && (
              <Col xs={24} lg={12}>
                <OwnTasks tasks={e.openTasks} />
              </Col>
            )}
            <Col xs={24} lg={12}>
              <DoublingProgress enterprise={e} />
            </Col>
          </Row>
          <OwnProblems
            problems={e.problems}
            stage={e.stage}
            whistle={
              WHISTLE_STAGES.includes(e.stage)
                ? (problem) => <WhistleButton enterprise={e} problem={problem} onBlown={detail.reload} />
                : undefined
            }
          />
        </>
      )}
    </Space>
  );
}

/**
 * Whom to call: the 服务专员 and the district's liaison named at admission, by name (the account
 * only when the name is unknown). Nothing before admission: they are not named yet.
 */
function Contacts({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation('dashboard');
  const people = [
    { key: 'commissioner', name: e.commissionerName ?? e.commissioner },
    { key: 'districtLiaison', name: e.districtLiaisonName ?? e.districtLiaison },
  ].filter((p): p is { key: string; name: string } => !!p.name);
  if (!people.length) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="home-contacts">
      {people.map((p) => t(`home.contacts.${p.key}`, { name: p.name })).join(t('home.contacts.separator'))}
    </Typography.Paragraph>
  );
}
