import { Button, Card, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useUser } from '../../auth/AuthProvider';
import { StageTag } from '../enterprises/StageTag';
import { NominationForm, NominationResult } from './NominationForm';
import { NominationImport } from './NominationImport';
import { NOMINATED, useMayNominateSelf } from './useMayNominateSelf';

function Nominated({ result, onAgain }: { result: NominationResult; onAgain(): void }) {
  const { t } = useTranslation('nomination');
  return (
    <Result
      status="success"
      data-testid="nomination-result"
      title={t('result.title')}
      subTitle={
        <Space>
          <Typography.Text copyable data-testid="nominated-credit-code">
            {result.creditCode}
          </Typography.Text>
          <StageTag stage={result.stage} testId="stage" />
        </Space>
      }
      extra={[
        <Link key="open" to={`/enterprises/${result.creditCode}`}>
          <Button type="primary">{t('result.open')}</Button>
        </Link>,
        <Button key="again" onClick={onAgain}>
          {t('result.again')}
        </Button>,
      ]}
    />
  );
}

/**
 * 推荐入库: one enterprise by the form, or many from the Excel template. An enterprise nominates only
 * itself, by the form, and only while no lifecycle of it runs (the server refuses it the import and
 * a second lifecycle); otherwise the page says so and leads home.
 */
export function NominationPage() {
  const { t } = useTranslation('nomination');
  const navigate = useNavigate();
  const enterprise = useUser().role === 'enterprise_user';
  const mayNominate = useMayNominateSelf();
  const [result, setResult] = useState<NominationResult>();
  const nominated = (r: NominationResult) => {
    setResult(r);
    window.dispatchEvent(new Event(NOMINATED));
  };
  if (mayNominate === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;
  const form = result ? (
    <Nominated result={result} onAgain={() => setResult(undefined)} />
  ) : (
    <NominationForm onNominated={nominated} />
  );
  if (enterprise) {
    return (
      <Card title={t('title')}>
        {mayNominate || result ? (
          form
        ) : (
          <Result
            status="info"
            title={t('self.active')}
            data-testid="nomination-closed"
            extra={
              <Button type="primary" onClick={() => navigate('/dashboard')}>
                {t('self.home')}
              </Button>
            }
          />
        )}
      </Card>
    );
  }
  return (
    <Card title={t('title')}>
      <Tabs
        items={[
          { key: 'form', label: t('tabs.form'), children: form },
          { key: 'import', label: t('tabs.import'), children: <NominationImport /> },
        ]}
      />
    </Card>
  );
}
