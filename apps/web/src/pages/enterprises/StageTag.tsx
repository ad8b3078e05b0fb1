import { STAGE_LABELS, STAGE_TAG_LABELS } from '@hardtech/domain/stages';
import { Tag } from 'antd';
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

/**
 * A stage by its short name (Feedback, not District and enterprise feedback), the full one as its
 * tooltip where they differ: the enterprise list's stage column stays narrow in English too, and a
 * name that does not fit wraps inside the tag rather than running into the next column.
 */
export function StageTag({ stage, testId }: { stage: Stage; testId?: string }) {
  const local = useLocalText();
  const name = local(STAGE_TAG_LABELS[stage]) || stage;
  const full = local(STAGE_LABELS[stage]) || stage;
  return (
    <Tag
      color={COLOURS[stage]}
      data-testid={testId}
      data-stage={stage}
      title={full === name ? undefined : full}
      style={{ marginInlineEnd: 0, maxWidth: '100%', whiteSpace: 'normal' }}
    >
      {name}
    </Tag>
  );
}
