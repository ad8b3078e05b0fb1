import type { ViewList } from '@hardtech/domain/saved-view-filters';
import { OWNER_DEPARTMENTS } from '@hardtech/domain/ledger';
import { Button, Flex, Form, Input, Modal, Select, Space } from 'antd';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { compactFilter } from '../api/compactFilter';
import { useReference } from '../api/reference';
import type { Text } from '../api/types';
import { districtText } from '../api/referenceNames';
import { useApi } from '../api/useApi';
import { ErrorAlert } from './ErrorAlert';
import { useLocalText } from '../i18n';
import { useNarrow } from '../layout/useNarrow';
import { useAction } from '../pages/tasks/useAction';
import { useClearable, Popconfirm } from './controlLabels';

/** A saved view of one list (GET /api/views?list=): its filter is that list's (VIEW_FILTER_FIELDS). */
interface SavedView<F> {
  id: string;
  list: ViewList;
  name: string;
  owner: string;
  /** The owner's display name (null for a user no longer there): the picker names people so. */
  ownerName: string | null;
  mine: boolean;
  filter: F;
  sharedWith: { roles?: string[]; districts?: string[]; departments?: string[] };
}

/** GET /api/views/share-roles: a role a view may be shared with. */
interface ShareRole {
  value: string;
  label: Text;
}

/**
 * 共享视图 of a list (the inbox, the ledger, the enterprise list): pick a saved filter (mine or shared
 * with me), save the current one and share it. `filter` is the list's filter as a view holds it;
 * applying a view hands its filter to `onApply`, which writes it where the list keeps its filters
 * (the address). What the list then shows is the reader's scope: the server applies it.
 */
export function SavedViews<F extends object>({
  list,
  filter,
  onApply,
}: {
  list: ViewList;
  filter: F;
  onApply(f: F): void;
}) {
  const { t } = useTranslation();
  const clear = useClearable();
  const text = useLocalText();
  const reference = useReference();
  const views = useApi<SavedView<F>[]>('/views', { list });
  const [current, setCurrent] = useState<string>();
  const [saving, setSaving] = useState(false);
  // Asked when saving, not with every list.
  const shareRoles = useApi<ShareRole[]>(saving ? '/views/share-roles' : null);
  const [form] = Form.useForm();
  const { busy, error, run } = useAction();
  const chosen = views.data?.find((v) => v.id === current);
  const narrow = useNarrow();

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await run(async () => {
      const view = await api<SavedView<F>>('/views', {
        body: { list, name: values.name, filter: compactFilter(filter), sharedWith: values.sharedWith ?? {} },
      });
      setSaving(false);
      setCurrent(view.id);
      views.reload();
    });
  };

  const remove = () =>
    run(async () => {
      await api(`/views/${current}`, { method: 'DELETE' });
      setCurrent(undefined);
      views.reload();
    });

  return (
    <Flex wrap gap="small" align="center" data-testid="saved-views">
      <Select
        aria-label={t('views.pick')}
        placeholder={t('views.pick')}
        allowClear={clear}
        // On a phone the picker takes the row and its options wrap: a long view name is read whole.
        style={narrow ? { flex: '1 1 100%', minWidth: 0 } : { minWidth: 220 }}
        optionRender={(o) => (
          <span title={o.data.owner} style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
            {o.label}
          </span>
        )}
        value={current}
        onChange={(id) => {
          setCurrent(id);
          const view = views.data?.find((v) => v.id === id);
          if (view) onApply(view.filter);
        }}
        // The sharer by name, as people are named elsewhere; the login only as the option's tooltip.
        options={(views.data ?? []).map((v) => ({
          value: v.id,
          owner: v.mine ? undefined : v.owner,
          label: v.mine ? v.name : t('views.sharedBy', { name: v.name, owner: v.ownerName ?? v.owner }),
        }))}
      />
      <Button onClick={() => setSaving(true)}>{t('views.save')}</Button>
      {chosen?.mine && (
        <Popconfirm title={t('views.deleteConfirm', { name: chosen.name })} onConfirm={remove}>
          <Button danger>{t('views.delete')}</Button>
        </Popconfirm>
      )}
      {!saving && <ErrorAlert error={error} />}
      <Modal
        open={saving}
        title={t('views.save')}
        okButtonProps={{ loading: busy }}
        onOk={save}
        onCancel={() => setSaving(false)}
        forceRender
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label={t('views.name')}
            rules={[{ required: true, message: t('views.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={['sharedWith', 'roles']} label={t('views.shareRoles')}>
            <Select
              mode="multiple"
              // Case workers only, as the API lists them: neither enterprises nor administrators (422).
              options={(shareRoles.data ?? []).map((r) => ({ value: r.value, label: text(r.label) }))}
            />
          </Form.Item>
          <Form.Item name={['sharedWith', 'districts']} label={t('views.shareDistricts')}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={reference?.districts.map((d) => ({ value: d.code, label: text(districtText(d)) }))}
            />
          </Form.Item>
          <Form.Item name={['sharedWith', 'departments']} label={t('views.shareDepartments')}>
            <Select
              mode="multiple"
              options={OWNER_DEPARTMENTS.map((d) => ({ value: d.value, label: text(d.label) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

/**
 * Where a list shows its views: in its card's head, before the head's `actions`, on a desk; on a
 * phone they would squeeze the title out of the head, so they wait with the filters behind 筛选
 * (FoldedFilters), above them.
 */
export function useViewsPlace(views: ReactNode) {
  const narrow = useNarrow();
  return {
    head: (actions?: ReactNode) =>
      narrow ? (
        actions
      ) : (
        <Space wrap>
          {views}
          {actions}
        </Space>
      ),
    filters: narrow && views ? <div style={{ marginBottom: 8 }}>{views}</div> : null,
  };
}
