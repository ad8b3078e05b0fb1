import { Button, Card, Result, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StageTag } from '../enterprises/StageTag';
import { NominationForm, NominationResult } from './NominationForm';
import { NominationImport } from './NominationImport';

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

/** 推荐入库: one enterprise by the form, or many from the Excel template. */
export function NominationPage() {
  const { t } = useTranslation('nomination');
  const [result, setResult] = useState<NominationResult>();
  return (
    <Card title={t('title')}>
      <Tabs
        items={[
          {
            key: 'form',
            label: t('tabs.form'),
            children: result ? (
              <Nominated result={result} onAgain={() => setResult(undefined)} />
            ) : (
              <NominationForm onNominated={setResult} />
            ),
          },
          { key: 'import', label: t('tabs.import'), children: <NominationImport /> },
        ]}
      />
    </Card>
  );
}
