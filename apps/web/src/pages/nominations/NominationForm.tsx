import { Button, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requiredEvidence } from '@hardtech/domain/attachments';
import type { AttachmentPurpose } from '@hardtech/domain/attachments';
import { NOMINATION_FIELDS } from '@hardtech/domain/nomination';
import { api, ApiError } from '../../api/client';
import type { Stage } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { fromFormValues } from '../../components/forms/formValues';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { allows, NAVIGATION } from '../../layout/navigation';
import { EvidenceFiles, uploadEvidence } from './evidence';
import { EvidenceUploads } from './EvidenceUploads';

export interface NominationResult {
  creditCode: string;
  workflowId: string;
  stage: Stage;
}

const EVIDENCE = 'evidence.';

/**
 * The details of a refusal that concern the certificates, by purpose (`evidence.C3` → C3). A missing
 * certificate's detail only names it, which its upload's label already does: say what to do instead.
 */
function evidenceErrors(error: ApiError, missing: string): Map<string, string[]> {
  const byPurpose = new Map<string, string[]>();
  for (const d of error.details.filter((d) => d.field.startsWith(EVIDENCE))) {
    const purpose = d.field.slice(EVIDENCE.length);
    const text = error.code === 'EVIDENCE_REQUIRED' ? missing : d.message;
    byPurpose.set(purpose, [...(byPurpose.get(purpose) ?? []), text]);
  }
  return byPurpose;
}

/**
 * Whether the active policy requires certificates: only administrators and coordinators may read
 * it; for everyone else it stays unknown until the server refuses a nomination without them.
 */
function useEvidencePolicy(): [boolean | undefined, (required: boolean) => void] {
  const user = useUser();
  const [required, setRequired] = useState<boolean>();
  const policyEntry = NAVIGATION.find((n) => n.key === 'policy')!;
  const mayRead = allows(policyEntry, user.role);
  useEffect(() => {
    if (!mayRead) return;
    api<{ evidenceRequired?: boolean }>('/admin/policy').then(
      (p) => setRequired(!!p.evidenceRequired),
      () => undefined,
    );
  }, [mayRead]);
  return [required, setRequired];
}

/**
 * 推荐入库: the nomination form of the domain's NOMINATION_FIELDS, with the certificates its claims
 * need sent first. A refusal keeps every input and shows the server's reasons beside the fields.
 */
export function NominationForm({ onNominated }: { onNominated(result: NominationResult): void }) {
  const { t } = useTranslation('nomination');
  const [form] = Form.useForm();
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [evidenceRequired, setEvidenceRequired] = useEvidencePolicy();
  // A district officer nominates for the one district in their scope: it is filled in, not asked.
  const ownDistricts = useUser().scope.districts ?? [];
  const district = ownDistricts.length === 1 ? ownDistricts[0] : undefined;
  const sent = useRef(new Map<string, string>());
  const kind = Form.useWatch(['techCenter', 'kind'], form) as string | undefined;
  const ipCount = Form.useWatch('classOneIpCount', form) as number | undefined;
  const purposes = requiredEvidence({
    techCenter: { kind: (kind ?? 'none') as 'none', level: null },
    classOneIpCount: ipCount ?? 0,
  });

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    const nomination = fromFormValues(NOMINATION_FIELDS, values);
    try {
      await uploadEvidence(
        String(nomination.creditCode ?? ''),
        purposes,
        (values.evidence ?? {}) as EvidenceFiles,
        sent.current,
      );
      onNominated(await api<NominationResult>('/nominations', { body: nomination }));
    } catch (e) {
      const purpose = (e as { purpose?: AttachmentPurpose }).purpose;
      if (purpose) {
        form.setFields([{ name: ['evidence', purpose], errors: [(e as Error).message] }]);
      } else if (e instanceof ApiError) {
        const evidence = evidenceErrors(e, t('evidence.required'));
        if (evidence.size) setEvidenceRequired(true);
        form.setFields([...evidence].map(([p, errors]) => ({ name: ['evidence', p], errors })));
        // The certificates' messages stand beside their uploads, not again above the form.
        const rest = e.details.filter((d) => !d.field.startsWith(EVIDENCE));
        setError(new ApiError(e.status, e.code, e.message, rest));
        return;
      }
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      style={{ maxWidth: 880 }}
      initialValues={{ listed: false, srdi: 'none', achievements: [{}], district }}
      scrollToFirstError
    >
      <SchemaForm fields={NOMINATION_FIELDS} error={error} />
      <EvidenceUploads purposes={purposes} required={evidenceRequired} />
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>
        {t('form.submit')}
      </Button>
    </Form>
  );
}
