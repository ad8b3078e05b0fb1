import { DownloadOutlined } from './icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, Query } from '../api/client';
import { useMessage } from './controlLabels';

/**
 * "导出 Excel" for an .xlsx endpoint, with the filters the page shows so the file matches the screen;
 * `label` and `testId` for another download (the .docx 调度会材料).
 */
export function ExportButton({
  path,
  fileName,
  query,
  label,
  testId = 'export',
}: {
  path: string;
  fileName: string;
  query?: Query;
  label?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    download(path, fileName, query)
      .catch((e: Error) => message.error(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={testId}>
      {label ?? t('actions.export')}
    </Button>
  );
}
