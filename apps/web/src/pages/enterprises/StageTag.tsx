import { Tag } from 'antd';
import { useReference } from '../../api/reference';
import type { Stage } from '../../api/types';
import { useLocalText } from '../../i18n';

// Colours follow the path: blue while being decided, green while a member, grey once it ended.
const COLOURS: Record<Stage, string> = {
  screening: 'blue',
  supplement: 'orange',
  feedback: 'blue',
  admission: 'geekblue',
  diagnosis: 'cyan',
  supporting: 'green',
  graduation_review: 'purple',
  graduated: 'success',
  exited: 'default',
  rejected: 'red',
};

export function StageTag({ stage, testId }: { stage: Stage; testId?: string }) {
  const reference = useReference();
  const local = useLocalText();
  return (
    <Tag color={COLOURS[stage]} data-testid={testId} data-stage={stage}>
      {local(reference?.stages[stage]) || stage}
    </Tag>
  );
}
