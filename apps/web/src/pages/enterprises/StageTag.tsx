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
 * name that does not fit wraps inside the tag rather than running into the next column. `full` shows
 * the full name where there is room (the enterprise's home, whose path card names the same stage).
 */
export function StageTag({ stage, testId, full: wide }: { stage: Stage; testId?: string; full?: boolean }) {
  const local = useLocalText();
  const full = local(STAGE_LABELS[stage]) || stage;
  const name = wide ? full : local(STAGE_TAG_LABELS[stage]) || stage;
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
