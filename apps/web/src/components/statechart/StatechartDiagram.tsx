import { theme, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n';
import { useNarrow } from '../../layout/useNarrow';
import { isActive, Statechart, StateNodeView } from './definition';
import { Box, Edge, layoutStatechart } from './layout';

/** Splits a label into lines that fit a box: a CJK character is about 1em wide, Latin about 0.55em. */
function lines(text: string, width: number, fontSize: number): string[] {
  const out: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/(?<=[\u3000-\u9fff])|(?=[\u3000-\u9fff])|(?<= )/)) {
    const w = [...word].reduce((s, c) => s + (c > '\u2e80' ? 1 : 0.55), 0) * fontSize;
    if (line && used + w > width) {
      out.push(line.trim());
      line = '';
      used = 0;
    }
    line += word;
    used += w;
  }
  if (line.trim()) out.push(line.trim());
  return out;
}

function Label({
  text,
  box,
  size,
  y,
  max = 3,
}: {
  text: string;
  box: Box;
  size: number;
  y: number;
  max?: number;
}) {
  const all = lines(text, box.w - 10, size);
  // What does not fit is cut with an ellipsis; the full name is the box's tooltip.
  const rows = all.length > max ? [...all.slice(0, max - 1), `${all[max - 1]}…`] : all;
  const top = y - ((rows.length - 1) * size * 1.2) / 2;
  return (
    <text x={box.x + box.w / 2} fontSize={size} textAnchor="middle" dominantBaseline="middle">
      {rows.map((row, i) => (
        <tspan key={i} x={box.x + box.w / 2} y={top + i * size * 1.2}>
          {row}
        </tspan>
      ))}
    </text>
  );
}

/**
 * GET /api/enterprises/:creditCode/statechart drawn: the stages as boxes in their order, the current
 * state filled, final states with a double border, arrows for the transitions between stages.
 * On a phone the whole chart shrunk to 390 px set its labels in 3 px type: there it keeps its own
 * size (labels 11–13 px) in a strip that scrolls sideways, opened on the current stage.
 */
export function StatechartDiagram({ chart }: { chart: Statechart }) {
  const { t } = useTranslation('enterprise');
  const local = useLocalText();
  const { token } = theme.useToken();
  const narrow = useNarrow();
  const strip = useRef<HTMLDivElement>(null);
  // Laid out once per chart: the strip scrolls to the current stage when that changes, not on every render.
  const { layout, byKey } = useMemo(() => {
    const laidOut = layoutStatechart(chart.definition);
    return { layout: laidOut, byKey: new Map(laidOut.boxes.map((b) => [b.node.key, b])) };
  }, [chart.definition]);
  const current = byKey.get(chart.current.stage);
  useEffect(() => {
    const el = strip.current;
    if (el && current) el.scrollLeft = Math.max(0, current.x + current.w / 2 - el.clientWidth / 2);
  }, [narrow, current]);
  const name = (node: StateNodeView) =>
    local(node.label) ||
    local(node.task?.label) ||
    t(`statechart.states.${node.key}`, { defaultValue: node.key });

  const drawBox = (box: Box, depth: number) => {
    const active = isActive(box.path, chart.current.stateValue);
    const small = depth > 0;
    const hasInner = box.children.length > 0;
    return (
      <g
        key={box.node.id}
        data-state={box.node.id}
        data-active={active || undefined}
        data-final={box.final || undefined}
      >
        <title>{name(box.node)}</title>
        {box.region ? (
          <rect
            x={box.x}
            y={box.y}
            width={box.w}
            height={box.h}
            rx={4}
            fill="none"
            stroke={token.colorBorder}
            strokeDasharray="4 3"
          />
        ) : (
          <rect
            x={box.x}
            y={box.y}
            width={box.w}
            height={box.h}
            rx={small ? 6 : 10}
            fill={
              active && !hasInner
                ? token.colorPrimary
                : active
                  ? token.colorPrimaryBg
                  : token.colorBgContainer
            }
            stroke={active ? token.colorPrimary : token.colorBorder}
            strokeWidth={active ? 2.5 : 1.2}
          />
        )}
        {box.final && (
          <rect
            x={box.x + 4}
            y={box.y + 4}
            width={box.w - 8}
            height={box.h - 8}
            rx={small ? 4 : 7}
            fill="none"
            stroke={active ? token.colorBgContainer : token.colorTextSecondary}
            strokeWidth={1}
          />
        )}
        <g fill={active && !hasInner ? token.colorWhite : token.colorText} fontWeight={active ? 600 : 400}>
          {box.region ? (
            <Label text={name(box.node)} box={{ ...box, w: 62 }} size={11} y={box.y + box.h / 2} max={2} />
          ) : (
            <Label
              text={name(box.node)}
              box={box}
              size={small ? 11 : 13}
              max={hasInner ? 1 : small ? 2 : 3}
              y={hasInner ? box.y + 13 : box.y + box.h / 2}
            />
          )}
        </g>
        {box.children.map((c) => drawBox(c, depth + 1))}
      </g>
    );
  };

  const drawEdge = (edge: Edge) => {
    const a = byKey.get(edge.from);
    const b = byKey.get(edge.to);
    if (!a || !b) return null;
    const top = a.y;
    let d: string;
    if (edge.kind === 'next') d = `M${a.x + a.w},${a.y + a.h / 2} L${b.x - 2},${b.y + b.h / 2}`;
    else if (edge.kind === 'end') d = `M${a.x + a.w / 2},${a.y + a.h} L${b.x + b.w / 2},${b.y - 2}`;
    else {
      // Skips forward arc over the row, loops back under it, both clear of the boxes.
      const rise = Math.min(48, 16 + Math.abs(b.x - a.x) / 12);
      const startX = a.x + a.w / 2 + (edge.kind === 'back' ? -10 : 10);
      const endX = b.x + b.w / 2 + (edge.kind === 'back' ? 10 : -10);
      if (edge.kind === 'forward')
        d = `M${startX},${top} C${startX},${top - rise} ${endX},${top - rise} ${endX},${b.y - 2}`;
      else {
        const bottom = Math.max(a.y + a.h, b.y + b.h);
        d = `M${startX},${a.y + a.h} C${startX},${bottom + rise / 2} ${endX},${bottom + rise / 2} ${endX},${b.y + b.h + 2}`;
      }
    }
    return (
      <path
        key={`${edge.from}-${edge.to}`}
        d={d}
        fill="none"
        stroke={token.colorTextTertiary}
        strokeWidth={1.2}
        strokeDasharray={edge.kind === 'back' ? '5 3' : undefined}
        markerEnd="url(#statechart-arrow)"
      />
    );
  };

  const currentName = name(current?.node ?? chart.definition);
  const svg = (
    <svg
      data-testid="statechart"
      role="img"
      aria-label={t('statechart.aria', { state: currentName })}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={
        narrow
          ? { width: layout.width, height: layout.height, display: 'block' }
          : { width: '100%', maxWidth: layout.width * 1.25, height: 'auto', display: 'block' }
      }
    >
      <defs>
        <marker
          id="statechart-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={token.colorTextTertiary} />
        </marker>
      </defs>
      {layout.edges.map(drawEdge)}
      {layout.boxes.map((b) => drawBox(b, 0))}
    </svg>
  );
  if (!narrow) return svg;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="statechart-hint">
        {t('statechart.phoneHint', { state: currentName })}
      </Typography.Paragraph>
      <div
        ref={strip}
        data-testid="statechart-strip"
        style={{ overflowX: 'auto', overscrollBehaviorX: 'contain' }}
      >
        {svg}
      </div>
    </>
  );
}
