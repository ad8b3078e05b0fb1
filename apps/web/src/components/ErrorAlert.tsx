import type { Field } from '@hardtech/domain/forms/schema';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useLocalText } from '../i18n';
import { fieldLabel } from './forms/fieldLabel';

/**
 * The server's own summary of field refusals ("creditCode: …；name: …", libs/domain/src/errors.ts)
 * names the fields by their paths; the list beneath names them in words.
 */
function summarizesFields(error: ApiError): boolean {
  const parts = error.details.map((d) => `${d.field}: ${d.message}`);
  return parts.length > 0 && (error.message === parts.join('；') || error.message === parts.join('; '));
}

/**
 * An API refusal as the server worded it (its message is bilingual), with its field details named
 * in words (`fields`/`prefix`: the form the refusal answers).
 */
export function ErrorAlert({
  error,
  fields,
  prefix,
}: {
  error: Error | undefined | null;
  fields?: Field[];
  prefix?: string;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  const title =
    error instanceof ApiError
      ? summarizesFields(error)
        ? t('error.invalidFields')
        : error.message
      : t('error.network');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        details.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {details.map((d, i) => (
              <li key={i}>
                {[text(fieldLabel(d.field, fields, prefix)), d.message].filter(Boolean).join('：')}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 12 }}
    />
  );
}
