import { UploadOutlined } from '../../components/icons';
import { Button, Form, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALLOWED_EXTENSIONS, PURPOSE_LABELS } from '@hardtech/domain/attachments';
import type { AttachmentPurpose } from '@hardtech/domain/attachments';
import { useLocalText } from '../../i18n';
import { UPLOAD_ICONS } from '../../components/controlLabels';

/**
 * 二(一) 3 and 5 are proven by certificates: one upload per claim the nomination makes. Required
 * when the policy is known to require them; when the caller may not read the policy, the server's
 * answer (422 EVIDENCE_REQUIRED) says so beside these fields.
 */
export function EvidenceUploads({
  purposes,
  required,
}: {
  purposes: AttachmentPurpose[];
  required: boolean | undefined;
}) {
  const { t } = useTranslation('nomination');
  const local = useLocalText();
  if (!purposes.length) return null;
  return (
    <fieldset data-testid="evidence" style={{ border: 0, padding: 0, margin: 0 }}>
      <Typography.Title level={5}>{t('evidence.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {required === false ? t('evidence.optional') : t('evidence.help')}
      </Typography.Paragraph>
      {purposes.map((purpose) => (
        <Form.Item
          key={purpose}
          name={['evidence', purpose]}
          label={local(PURPOSE_LABELS[purpose])}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: unknown[] }) => e.fileList}
          rules={required ? [{ required: true, message: t('evidence.required') }] : []}
          required={required !== false}
        >
          <Upload
            {...UPLOAD_ICONS}
            multiple
            accept={ALLOWED_EXTENSIONS.map((ext) => `.${ext}`).join(',')}
            beforeUpload={() => false}
          >
            <Button icon={<UploadOutlined />}>{t('evidence.choose')}</Button>
          </Upload>
        </Form.Item>
      ))}
    </fieldset>
  );
}
