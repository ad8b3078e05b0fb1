import { URGING_READER } from '@hardtech/domain/approval-actions/urge';
import { isEnterpriseStep, worksNoCases } from '@hardtech/domain/task-permissions';
import { TASK_STATE_LABELS, TaskState, taskState } from '@hardtech/domain/tasks/state';
import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { useReferenceNames } from '../../api/referenceNames';
import { useUser } from '../../auth/AuthProvider';
import { useLocalText } from '../../i18n';
import { AssignmentButtons } from '../tasks/AssignmentButtons';
import { ApprovalMarks } from '../tasks/approval/ApprovalMarks';
import { DueTag } from '../tasks/DueTag';
import { UrgeButton } from '../tasks/UrgeButton';
import type { TaskItem } from '../tasks/taskTypes';
import { NameWithAccountTip } from '../../components/PersonName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { dateTimeText } from '../../format';
import { deskActions, inboxUrge } from './bulk';

interface InboxTableProps {
  items: TaskItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  selected: string[];
  selectable: boolean;
  onSelect(ids: string[]): void;
  onPage(page: number, pageSize: number): void;
  onChanged(): void;
  /** What an empty list says instead of 暂无数据. */
  emptyText?: ReactNode;
  /** 委托代理: whom the caller stands in for (GET /api/me/proxy), whose tasks they hand on for them. */
  standingInFor?: readonly string[];
}

/** Closed states whose tag says why beside the step's name, in every list. */
const SAYS_WHY: ReadonlySet<TaskState> = new Set(['returned', 'close_withdrawn']);

/** The task rows: what, for whom, how urgent, who holds it, and the claim / delegate buttons. */
export function InboxTable(props: InboxTableProps) {
  const { t } = useTranslation('inbox');
  const text = useLocalText();
  const { district: districtName } = useReferenceNames();
  const user = useUser();

  const columns: ColumnsType<TaskItem> = [
    {
      title: t('column.task'),
      key: 'task',
      width: 130,
      fixed: 'left',
      render: (_, task) => (
        <>
          <Link to={`/tasks/${task.id}`}>{text(task.label)}</Link> <ApprovalMarks task={task} />
          {/* Closed as cancelled but not just cancelled: a step the officer sent back (退回, handled,
              in 已办), or a 销号 request withdrawn on the department's 未解决 (taskState says which). */}
          {SAYS_WHY.has(taskState(task)) && (
            <Tag color="orange" style={{ marginInlineStart: 4 }} data-testid={`state-${taskState(task)}`}>
              {text(TASK_STATE_LABELS[taskState(task)])}
            </Tag>
          )}
          {task.urgedAt && (
            <Tag color="volcano" style={{ marginInlineStart: 4 }} data-testid="mark-urged">
              {t('mark.urged')}
            </Tag>
          )}
          {task.copied && (
            <Tag color="geekblue" style={{ marginInlineStart: 4 }} data-testid="mark-copied">
              {t('mark.copied')}
            </Tag>
          )}
          {/* Who copied it to me, a proxy as 王五（代 张三）: a line that wraps, not a tag past the cell. */}
          {task.copied && task.copiedByName && (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontSize: 12 }}
              data-testid="copied-by"
            >
              {t('mark.copiedBy', { name: task.copiedByName })}
            </Typography.Text>
          )}
          {/* A task about one ledger problem (销号审核, 延期审核, 部门报到, 加签 on one): which, without opening each. */}
          {task.problemTitle && (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontSize: 12 }}
              data-testid="problem-title"
            >
              {task.problemTitle}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('column.enterprise'),
      key: 'enterprise',
      width: 220,
      render: (_, task) => (
        <>
          <Link to={`/enterprises/${task.creditCode}`}>{task.enterpriseName}</Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {task.creditCode}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('column.district'),
      key: 'district',
      width: 90,
      render: (_, task) => districtName(task.district),
    },
    {
      title: t('column.dueAt'),
      key: 'dueAt',
      width: 180,
      render: (_, task) => (
        <DueTag
          dueAt={task.dueAt}
          overdue={task.overdue}
          open={task.status === 'open'}
          provisional={task.provisional}
        />
      ),
    },
    {
      title: t('column.assignee'),
      key: 'assignee',
      width: 110,
      // A closed task names who did it (or sent it back); only an open one can be 未认领.
      render: (_, task) =>
        task.status !== 'open' && task.completedBy ? (
          <NameWithAccountTip username={task.completedBy} name={task.completedByName} />
        ) : task.assignee ? (
          <NameWithAccountTip username={task.assignee} name={task.assigneeName} />
        ) : task.status === 'open' ? (
          // An enterprise's own step has nobody to claim it: 未认领 said it waited for an officer.
          <Typography.Text type="secondary">
            {t(isEnterpriseStep(task) ? 'byEnterprise' : 'unassigned')}
          </Typography.Text>
        ) : null,
    },
    {
      title: t('column.createdAt'),
      key: 'createdAt',
      width: 140,
      render: (_, task) => dateTimeText(task.createdAt),
    },
    {
      title: t('column.actions'),
      key: 'actions',
      width: 170,
      // 催办 by the bulk bar's rule (inboxUrge): beside an overdue task for whoever may urge it (a
      // leader over the overdue list), off until the row's urgeableAt: the working hours since one's
      // own last urge, as the server counts.
      render: (_, task) => {
        if (task.status !== 'open') return null;
        const desk = deskActions(user, task, props.standingInFor ?? []);
        const urge = inboxUrge(task, desk) !== null;
        // Nothing to do on this row (a leader's task not yet overdue): no cell, so a phone's card
        // has no empty 操作 line.
        if (!desk.claim && !desk.unclaim && !desk.delegate && !urge) return null;
        return (
          <Space size="small" wrap>
            <AssignmentButtons
              size="small"
              taskId={task.id}
              can={desk}
              actingFor={desk.actingFor}
              onChange={props.onChanged}
            />
            {urge && (
              <UrgeButton
                size="small"
                taskId={task.id}
                onDone={props.onChanged}
                urgeableAt={task.urgeableAt ?? null}
              />
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <ResponsiveTable<TaskItem>
      rowKey="id"
      size="middle"
      data-testid="inbox-table"
      columns={
        user.role === 'enterprise_user'
          ? ownStepColumns(columns, t, text)
          : // A role that acts on no row (an auditor, 三员) has no 操作 column; a leader urges (领导催办).
            worksNoCases(user.role) && user.role !== URGING_READER
            ? columns.filter((c) => c.key !== 'actions')
            : columns
      }
      dataSource={props.items}
      loading={props.loading}
      locale={props.emptyText ? { emptyText: props.emptyText } : undefined}
      scroll={{ x: 1050 }}
      rowSelection={
        props.selectable
          ? { selectedRowKeys: props.selected, onChange: (keys) => props.onSelect(keys as string[]) }
          : undefined
      }
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showSizeChanger: true,
        showTotal: (total) => t('total', { count: total }),
        onChange: props.onPage,
      }}
    />
  );
}

/**
 * An enterprise's own steps: the step, its enterprise, due and status. Nobody claims them, so who
 * holds one and the claim / delegate / 催办 buttons say nothing to it (on a phone they were 未认领 and
 * an empty 操作); the district is its own.
 */
function ownStepColumns(
  columns: ColumnsType<TaskItem>,
  t: TFunction<'inbox'>,
  text: ReturnType<typeof useLocalText>,
): ColumnsType<TaskItem> {
  const status: ColumnsType<TaskItem>[number] = {
    title: t('filter.status'),
    key: 'status',
    width: 100,
    render: (_, task) => <Tag data-testid="step-status">{text(TASK_STATE_LABELS[taskState(task)])}</Tag>,
  };
  const kept = columns.filter((c) => c.key === 'task' || c.key === 'enterprise' || c.key === 'dueAt');
  return [...kept, status];
}
