import { PrinterOutlined } from './icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openPdf } from '../api/client';
import { useMessage } from './controlLabels';

/** 打印审批单 / 打印一企一档: opens the API's A4 PDF in a new tab to print. */
export function PrintButton({
  path,
  fileName,
  label,
}: {
  path: string;
  fileName: string;
  label: 'printSheet' | 'printDossier';
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    openPdf(path, fileName)
      .catch((e: Error) => message.error(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<PrinterOutlined />} loading={busy} onClick={run} data-testid={label}>
      {t(`actions.${label}`)}
    </Button>
  );
}
