import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * A task the address names but the caller cannot open: an id mistyped (400), none such or out of
 * scope (404, which the API does not tell apart), in the server's words with a way back to the
 * inbox (whoever may open a task page has it: routes.tsx). Any other error as the server sent it.
 */
export function TaskMissing({ error }: { error: Error }) {
  const { t } = useTranslation('task');
  const navigate = useNavigate();
  if (!(error instanceof ApiError) || ![400, 404].includes(error.status)) return <ErrorAlert error={error} />;
  return (
    <Result
      status="404"
      title={t('missing.title')}
      subTitle={error.message}
      data-testid="task-missing"
      extra={
        <Button type="primary" onClick={() => navigate('/inbox')} data-testid="task-missing-back">
          {t('backToInbox')}
        </Button>
      }
    />
  );
}
