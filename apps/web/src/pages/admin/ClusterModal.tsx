import {
  CLUSTER_CODE,
  CLUSTER_EN_MAX,
  CLUSTER_NAME_MAX,
  CLUSTER_TIER_LABELS,
  CLUSTER_TIERS,
} from '@hardtech/domain/cluster-taxonomy';
import { DIVISION_EN_MAX, DIVISION_NAME_MAX } from '@hardtech/domain/divisions';
import { Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Cluster } from '../../api/types';
import { useAction } from '../../api/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocalText } from '../../i18n';
import { chineseNameFirst } from './divisionRules';

interface Values {
  code: string;
  tier: string;
  name: string;
  en: string;
  divisionName?: string;
  divisionEn?: string;
}

const blankToNull = (v: string | undefined) => v?.trim() || null;

/**
 * 新增 (no `cluster`) or 更名 a cluster of the taxonomy. The code is typed once, when the cluster is
 * added: it is never changed nor reused, so the rename dialog shows it without a field.
 */
export function ClusterModal({ cluster, onClose }: { cluster?: Cluster; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation('admin');
  const local = useLocalText();
  const [form] = Form.useForm<Values>();
  const save = useAction((v: Values) =>
    cluster
      ? api<Cluster>(`/admin/clusters/${cluster.code}`, {
          method: 'PATCH',
          body: { name: v.name.trim(), en: v.en.trim() },
        })
      : api<Cluster>('/admin/clusters', {
          method: 'POST',
          body: {
            code: v.code.trim(),
            tier: v.tier,
            name: v.name.trim(),
            en: v.en.trim(),
            divisionName: blankToNull(v.divisionName),
            divisionEn: blankToNull(v.divisionEn),
          },
        }),
  );
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values && (await save.run(values))) onClose(true);
  };
  const required = { required: true, whitespace: true, message: t('clusters.required') };
  return (
    <Modal
      open
      title={
        cluster
          ? t('clusters.renameTitle', {
              cluster: `${cluster.code} ${local({ zh: cluster.name, en: cluster.en })}`,
            })
          : t('clusters.addTitle')
      }
      onOk={submit}
      okButtonProps={{ loading: save.busy, 'data-testid': 'cluster-save' } as ButtonProps}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        name="cluster"
        initialValues={cluster ? { name: cluster.name, en: cluster.en } : { tier: 'new_star' }}
      >
        {!cluster && (
          <>
            <Form.Item
              name="code"
              label={t('clusters.code')}
              extra={t('clusters.codeHint')}
              rules={[required, { pattern: CLUSTER_CODE, message: t('clusters.codeShape') }]}
            >
              <Input maxLength={16} placeholder="N1" />
            </Form.Item>
            <Form.Item name="tier" label={t('clusters.tier')} rules={[required]}>
              <Select
                options={CLUSTER_TIERS.map((v) => ({ value: v, label: local(CLUSTER_TIER_LABELS[v]) }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('clusters.nameZh')} rules={[required]}>
          <Input maxLength={CLUSTER_NAME_MAX} />
        </Form.Item>
        <Form.Item name="en" label={t('clusters.nameEn')} rules={[required]}>
          <Input maxLength={CLUSTER_EN_MAX} />
        </Form.Item>
        {!cluster && (
          <>
            <Form.Item
              name="divisionName"
              label={t('clusters.divisionName')}
              extra={t('clusters.divisionLater')}
            >
              <Input maxLength={DIVISION_NAME_MAX} />
            </Form.Item>
            <Form.Item
              name="divisionEn"
              label={t('clusters.divisionEn')}
              dependencies={['divisionName']}
              rules={[chineseNameFirst('divisionName', t('clusters.chineseFirst'))]}
            >
              <Input maxLength={DIVISION_EN_MAX} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
