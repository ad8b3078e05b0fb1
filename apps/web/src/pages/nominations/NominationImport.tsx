import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, download } from '../../api/client';
import type { FieldError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** POST /api/nominations/import: valid rows start lifecycles, invalid ones come back with reasons. */
interface ImportResult {
  accepted: string[];
  rejected: { row: number; creditCode: string | null; errors: FieldError[] }[];
}

export function NominationImport() {
  const { t } = useTranslation('nomination');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<ImportResult>();

  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    const body = new FormData();
    body.append('file', file);
    try {
      setResult(await api<ImportResult>('/nominations/import', { body }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('import.help')}</Typography.Paragraph>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download('/nominations/import/template', t('import.templateName')).catch(setError)}
        >
          {t('import.template')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={busy}>
            {t('import.upload')}
          </Button>
        </Upload>
      </Space>
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
                          <code>{e.field}</code> {e.message}
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
