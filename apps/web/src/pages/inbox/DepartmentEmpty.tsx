import { UnorderedListOutlined } from '@ant-design/icons';
import { OWNER_DEPARTMENTS } from '@hardtech/domain/ledger';
import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOptionLabel } from '../../i18n';

/**
 * An empty inbox for 中小企业处 / 产业金融处 and 行业处室 (ledgerDepartmentOf): their work is their
 * department's problems in the ledger;
 * the inbox holds only the 部门报到 tasks of a whistle. It says so, with the way to that ledger.
 */
export function DepartmentEmpty({ department }: { department: string }) {
  const { t } = useTranslation('inbox');
  const label = useOptionLabel();
  const name = label(OWNER_DEPARTMENTS, department);
  return (
    <Empty
      data-testid="department-empty"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t('departmentEmpty.text', { department: name })}
    >
      <Link to={`/problems?owner=${encodeURIComponent(department)}`}>
        <Button type="primary" icon={<UnorderedListOutlined />}>
          {t('departmentEmpty.action', { department: name })}
        </Button>
      </Link>
    </Empty>
  );
}
