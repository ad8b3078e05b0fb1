import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

/** A page whose content is not built yet: its title from its i18n namespace. */
export function PageStub({ ns }: { ns: string }) {
  const { t } = useTranslation(ns);
  return <Card title={t('title')} />;
}
