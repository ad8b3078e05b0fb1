import { doublingPercent } from '@hardtech/domain/doubling';
import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { DoublingBasis } from '../enterprises/DoublingBasis';
import type { EnterpriseDetail } from '../enterprises/types';

/**
 * The enterprise's own 三年倍增: the baseline revenue at admission and the latest annualised revenue
 * it reported, as a share of the way to ×2. Only its own figures, no officer's assessment.
 */
export function DoublingProgress({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const d = e.doubling;
  const body = !e.baselineRevenue ? (
    <Typography.Text type="secondary">{t('home.doubling.notAdmitted')}</Typography.Text>
  ) : (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12}>
          <Statistic title={t('home.doubling.baseline')} value={format.yuan(e.baselineRevenue)} />
        </Col>
        <Col xs={12}>
          <Statistic
            title={d ? t('home.doubling.latest', { quarter: d.quarter }) : t('home.doubling.latestNone')}
            value={d ? format.yuanRounded(d.annualizedRevenue) : '—'}
          />
        </Col>
      </Row>
      {d ? (
        <div data-testid="home-growth" style={{ marginTop: 16 }}>
          <Typography.Text>{t('home.doubling.growth', { growth: d.growth.toFixed(2) })}</Typography.Text>
          <Progress percent={doublingPercent(d.growth)} status="normal" />
          <DoublingBasis />
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('home.doubling.noReport')}
        </Typography.Paragraph>
      )}
    </>
  );
  return (
    <Card size="small" title={t('home.doubling.title')} data-testid="home-doubling">
      {body}
    </Card>
  );
}
