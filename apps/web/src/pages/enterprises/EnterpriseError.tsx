import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Why an enterprise's address shows no enterprise, in words rather than the API's bare refusal: a
 * credit code mistyped in the address (the API answers 400) or one the caller has no enterprise
 * under (404: not in the pool, or outside their scope, which the API does not tell apart), with a
 * way back to the list (whoever may open an enterprise's page has it: routes.tsx). Any other
 * refusal as the server worded it.
 */
export function EnterpriseError({ error, creditCode }: { error: Error; creditCode: string }) {
  const { t } = useTranslation('enterprise');
  const navigate = useNavigate();
  if (!(error instanceof ApiError) || ![400, 404].includes(error.status)) return <ErrorAlert error={error} />;
  const kind = error.status === 400 ? 'malformed' : 'notFound';
  return (
    <Result
      status={kind === 'malformed' ? 'warning' : '404'}
      title={t(`missing.${kind}.title`)}
      subTitle={t(`missing.${kind}.text`, { creditCode })}
      extra={
        <Button type="primary" onClick={() => navigate('/enterprises')} data-testid="missing-back">
          {t('missing.list')}
        </Button>
      }
      data-testid={`enterprise-${kind}`}
    />
  );
}
