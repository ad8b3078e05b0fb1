import { DIVISION_EN_MAX, DIVISION_NAME_MAX } from '@hardtech/domain/divisions';
import { Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Cluster } from '../../api/types';
import { useAction } from '../../api/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocalText } from '../../i18n';
import { chineseNameFirst } from './divisionRules';

interface Values {
  name: string;
  en: string;
}

/** Names the 行业处室 that leads a cluster; both fields left empty unset it (行业处室（集群）). */
export function DivisionModal({ cluster, onClose }: { cluster: Cluster; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation('admin');
  const local = useLocalText();
  const [form] = Form.useForm<Values>();
  const save = useAction((v: Values) =>
    api<Cluster>(`/admin/clusters/${cluster.code}/division`, {
      method: 'PUT',
      body: { name: v.name?.trim() || null, en: v.en?.trim() || null },
    }),
  );
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values && (await save.run(values))) onClose(true);
  };
  const name = local({ zh: cluster.name, en: cluster.en });
  return (
    <Modal
      open
      title={t('clusters.editTitle', { cluster: name })}
      onOk={submit}
      okButtonProps={{ loading: save.busy, 'data-testid': 'division-save' } as ButtonProps}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        name="division"
        initialValues={{ name: cluster.divisionName ?? '', en: cluster.divisionEn ?? '' }}
      >
        <Form.Item
          name="name"
          label={t('clusters.divisionName')}
          extra={t('clusters.defaultHint', { name: `行业处室（${cluster.name}）` })}
        >
          <Input maxLength={DIVISION_NAME_MAX} placeholder={`行业处室（${cluster.name}）`} />
        </Form.Item>
        <Form.Item
          name="en"
          label={t('clusters.divisionEn')}
          dependencies={['name']}
          rules={[chineseNameFirst('name', t('clusters.chineseFirst'))]}
        >
          <Input maxLength={DIVISION_EN_MAX} placeholder={`Industry division (${cluster.en})`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
