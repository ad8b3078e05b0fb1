import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '../../components/icons';
import { ALLOWED_EXTENSIONS, PURPOSE_LABELS } from '@hardtech/domain/attachments';
import type { AttachmentPurpose } from '@hardtech/domain/attachments';
import { Alert, Button, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, download } from '../../api/client';
import type { FieldError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useLocalText } from '../../i18n';
import { UPLOAD_ICONS } from '../../components/controlLabels';

/** POST /api/nominations/import: valid rows start lifecycles, invalid ones come back with reasons. */
interface ImportResult {
  accepted: string[];
  rejected: { row: number; creditCode: string | null; errors: FieldError[] }[];
}

const CERTIFICATE_TYPES = ALLOWED_EXTENSIONS.filter(
  (e) => !['docx', 'xlsx', 'pptx', 'doc', 'xls', 'ppt'].includes(e),
)
  .map((e) => `.${e}`)
  .join(',');

/**
 * 批量推荐: the sheet (.xlsx, or one .zip holding it and the certificates) and the C3 / C5
 * certificates named `<统一社会信用代码>-C3.pdf` / `-C5.pdf`, sent together.
 */
export function NominationImport() {
  const { t } = useTranslation('nomination');
  const local = useLocalText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<ImportResult>();
  const [sheet, setSheet] = useState<File>();
  const [certificates, setCertificates] = useState<File[]>([]);

  const submit = async () => {
    if (!sheet) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    const body = new FormData();
    body.append('file', sheet);
    for (const c of certificates) body.append('certificates', c);
    try {
      setResult(await api<ImportResult>('/nominations/import', { body }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  /** A refusal's field in words: the column header the server names, or the certificate. */
  const fieldLabel = (field: string) => {
    const purpose = /^certificates\.(C3|C5)$/.exec(field)?.[1] as AttachmentPurpose | undefined;
    if (purpose) return local(PURPOSE_LABELS[purpose]);
    return field === 'certificates' ? t('import.certificatesField') : field;
  };
  const listed = (files: File[]) =>
    files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done' as const }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('import.help')}</Typography.Paragraph>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => download('/nominations/import/template', t('import.templateName')).catch(setError)}
      >
        {t('import.template')}
      </Button>
      <div data-testid="import-sheet">
        <Typography.Text strong>{t('import.sheet')}</Typography.Text>
        <Upload
          {...UPLOAD_ICONS}
          accept=".xlsx,.zip"
          maxCount={1}
          fileList={listed(sheet ? [sheet] : [])}
          onRemove={() => setSheet(undefined)}
          beforeUpload={(file) => {
            setSheet(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('import.upload')}</Button>
        </Upload>
      </div>
      <div data-testid="import-certificates">
        <Typography.Text strong>{t('import.certificates')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('import.certificatesHelp')}
        </Typography.Paragraph>
        <Upload
          {...UPLOAD_ICONS}
          accept={CERTIFICATE_TYPES}
          multiple
          fileList={listed(certificates)}
          onRemove={(removed) =>
            setCertificates((all) => all.filter((f, i) => `${i}-${f.name}` !== removed.uid))
          }
          beforeUpload={(file) => {
            setCertificates((all) => [...all, file]);
            return false;
          }}
        >
          <Button icon={<PaperClipOutlined />}>{t('import.addCertificates')}</Button>
        </Upload>
      </div>
      <Button type="primary" onClick={() => void submit()} disabled={!sheet} loading={busy}>
        {t('import.start')}
      </Button>
      <ErrorAlert error={error} />
      {result && (
        <div data-testid="import-result">
          <Alert
            type={result.rejected.length ? 'warning' : 'success'}
            showIcon
            title={t('import.summary', {
              accepted: result.accepted.length,
              rejected: result.rejected.length,
            })}
            style={{ marginBottom: 12 }}
          />
          {result.accepted.length > 0 && (
            <Space wrap style={{ marginBottom: 12 }} data-testid="import-accepted">
              <Typography.Text strong>{t('import.accepted')}</Typography.Text>
              {result.accepted.map((code) => (
                <Link key={code} to={`/enterprises/${code}`}>
                  <Tag color="green">{code}</Tag>
                </Link>
              ))}
            </Space>
          )}
          {result.rejected.length > 0 && (
            <ResponsiveTable
              data-testid="import-rejected"
              size="small"
              rowKey="row"
              pagination={false}
              dataSource={result.rejected}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 80 },
                { title: t('import.creditCode'), dataIndex: 'creditCode', width: 200 },
                {
                  title: t('import.reasons'),
                  dataIndex: 'errors',
                  render: (errors: FieldError[]) => (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {errors.map((e, i) => (
                        <li key={i}>
                          <Typography.Text strong>{fieldLabel(e.field)}</Typography.Text>：{e.message}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </div>
      )}
    </Space>
  );
}
