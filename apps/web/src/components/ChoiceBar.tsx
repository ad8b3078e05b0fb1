import { Segmented, Tag, theme } from 'antd';
import { useNarrow } from '../layout/useNarrow';

interface ChoiceBarProps {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  'data-testid'?: string;
  /** Tapping the chosen tag again chooses '' (the ledger's 全部部门); else the choice stays. */
  clearable?: boolean;
  style?: React.CSSProperties;
}

/**
 * One of a few views (待办 tabs, the ledger's departments): a segmented control on a desk. On a phone
 * a segmented control is one row: at 320 px the inbox's four ran past the screen's edge, and scrolled
 * sideways they hid the last ones with nothing to say they were there. There they wrap into rows of
 * tags, every choice in sight.
 */
export function ChoiceBar({ value, onChange, options, clearable, style, ...rest }: ChoiceBarProps) {
  const narrow = useNarrow();
  const { token } = theme.useToken();
  const testId = rest['data-testid'];
  if (!narrow) {
    return (
      <Segmented
        data-testid={testId}
        style={{ maxWidth: '100%', overflowX: 'auto', ...style }}
        value={value}
        onChange={(v) => onChange(String(v))}
        options={options}
      />
    );
  }
  return (
    <Tag.CheckableTagGroup
      data-testid={testId}
      style={style}
      value={value}
      onChange={(v) => {
        if (v !== null) onChange(v);
        else if (clearable) onChange('');
      }}
      options={options.map((o) => ({
        ...o,
        style: {
          fontSize: token.fontSize,
          lineHeight: '30px',
          paddingInline: 8,
          marginInlineEnd: 0,
          border: `1px solid ${o.value === value ? token.colorPrimary : token.colorBorder}`,
        },
      }))}
    />
  );
}
