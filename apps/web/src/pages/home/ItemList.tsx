import { Divider, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';

/** A short list of the home page's cards: one block per item, divided by rules; `empty` when none. */
export function ItemList<T>(props: {
  items: T[];
  empty: string;
  testId: string;
  itemKey: (item: T) => string;
  render: (item: T) => ReactNode;
}) {
  if (!props.items.length) return <Typography.Text type="secondary">{props.empty}</Typography.Text>;
  return (
    <div>
      {props.items.map((item, i) => (
        <Fragment key={props.itemKey(item)}>
          {i > 0 && <Divider style={{ margin: '10px 0' }} />}
          <div data-testid={props.testId}>{props.render(item)}</div>
        </Fragment>
      ))}
    </div>
  );
}
