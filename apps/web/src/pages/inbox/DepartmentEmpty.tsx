import { UnorderedListOutlined } from '../../components/icons';
import { OWNER_DEPARTMENTS } from '@hardtech/domain/ledger';
import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOptionLabel } from '../../i18n';

/**
 * An empty inbox for 中小企业处 / 产业金融处, 行业处室 and 区县产业主管部门 (ledgerDepartmentOf): their
 * department's problems are worked in the ledger, and a whistle on one brings its 部门报到 task here.
 * It says so, with the way to that ledger.
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
