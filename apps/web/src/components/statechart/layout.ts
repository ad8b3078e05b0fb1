import { StateNodeView, targetsOf } from './definition';

export interface Box {
  node: StateNodeView;
  /** Keys from the root's child down to this node, to match against the state value. */
  path: string[];
  x: number;
  y: number;
  w: number;
  h: number;
  final: boolean;
  /** A region of a parallel state: drawn as a dashed lane, not as a state. */
  region: boolean;
  children: Box[];
}

export interface Edge {
  from: string;
  to: string;
  kind: 'next' | 'forward' | 'back' | 'end';
}

export interface Layout {
  width: number;
  height: number;
  boxes: Box[];
  edges: Edge[];
}

const LEAF = { w: 108, h: 52 };
const CHILD = { w: 84, h: 34 };
const GAP = 28;
const PAD = 8;
const HEADER = 24;
const REGION_LABEL = 62;
const ARC_SPACE = 56;
const ROW_GAP = 76;

/** Children in a row (compound) or regions stacked, each with its states in a row (parallel). */
function inner(
  node: StateNodeView,
  path: string[],
  x: number,
  y: number,
): { w: number; h: number; boxes: Box[] } {
  if (!node.states.length) return { w: 0, h: 0, boxes: [] };
  if (node.type === 'parallel') {
    let top = y;
    let width = 0;
    const regions = node.states.map((region) => {
      const states = inner({ ...region, type: 'compound' }, [...path, region.key], x + REGION_LABEL, top);
      const box: Box = {
        node: region,
        path: [...path, region.key],
        x,
        y: top,
        w: REGION_LABEL + states.w,
        h: states.h,
        final: false,
        region: true,
        children: states.boxes,
      };
      top += states.h + 4;
      width = Math.max(width, box.w);
      return box;
    });
    regions.forEach((r) => (r.w = width));
    return { w: width, h: top - y - 4, boxes: regions };
  }
  const boxes = node.states.map((child, i) => ({
    node: child,
    path: [...path, child.key],
    x: x + i * (CHILD.w + 8),
    y: y + 4,
    w: CHILD.w,
    h: CHILD.h,
    final: child.type === 'final',
    region: false,
    children: [],
  }));
  return { w: node.states.length * (CHILD.w + 8) - 8, h: CHILD.h + 8, boxes };
}

/**
 * The lifecycle drawn left to right in the order the statechart lists its stages; final states in
 * a row below. Compound and parallel stages show their inner states, so the two feedback regions
 * (district and enterprise) stand side by side as the policy has them run.
 */
export function layoutStatechart(root: StateNodeView): Layout {
  const main = root.states.filter((s) => s.type !== 'final');
  const finals = root.states.filter((s) => s.type === 'final');
  const boxes: Box[] = [];
  let x = PAD;
  for (const node of main) {
    const content = inner(node, [node.key], x + PAD, ARC_SPACE + HEADER);
    const w = Math.max(LEAF.w, content.w + 2 * PAD);
    const h = Math.max(LEAF.h, HEADER + content.h + PAD);
    boxes.push({
      node,
      path: [node.key],
      x,
      y: ARC_SPACE,
      w,
      h,
      final: false,
      region: false,
      children: content.boxes,
    });
    x += w + GAP;
  }
  const rowHeight = Math.max(...boxes.map((b) => b.h));
  // Centre each stage on the row, moving its inner states with it.
  for (const box of boxes) shift(box, (rowHeight - box.h) / 2);
  const width = x - GAP + PAD;

  const index = new Map(main.map((n, i) => [n.key, i]));
  const edges: Edge[] = [];
  const sources = new Map<string, number[]>();
  for (const node of main) {
    for (const to of targetsOf(root.id, node)) {
      const from = index.get(node.key)!;
      const target = index.get(to);
      if (target === undefined) {
        edges.push({ from: node.key, to, kind: 'end' });
        sources.set(to, [...(sources.get(to) ?? []), from]);
      } else {
        const kind = target === from + 1 ? 'next' : target > from ? 'forward' : 'back';
        edges.push({ from: node.key, to, kind });
      }
    }
  }

  // A final state sits under the stages that lead to it, kept apart from its neighbours.
  const finalY = ARC_SPACE + rowHeight + ROW_GAP;
  let minX = PAD;
  const centre = (i: number) => boxes[i].x + boxes[i].w / 2;
  const placed = finals
    .map((node) => {
      const from = sources.get(node.key) ?? [];
      const want = from.length ? from.reduce((s, i) => s + centre(i), 0) / from.length : width;
      return { node, want };
    })
    .sort((a, b) => a.want - b.want);
  const lefts = placed.map(({ want }) => {
    const left = Math.max(minX, want - LEAF.w / 2);
    minX = left + LEAF.w + GAP;
    return left;
  });
  // Pushed past the right edge: move back left, keeping the gaps.
  let maxX = width - PAD;
  for (let i = lefts.length - 1; i >= 0; i--) {
    lefts[i] = Math.min(lefts[i], maxX - LEAF.w);
    maxX = lefts[i] - GAP;
  }
  placed.forEach(({ node }, i) =>
    boxes.push({
      node,
      path: [node.key],
      x: lefts[i],
      y: finalY,
      w: LEAF.w,
      h: LEAF.h,
      final: true,
      region: false,
      children: [],
    }),
  );
  return { width, height: finalY + LEAF.h + PAD, boxes, edges };
}

function shift(box: Box, dy: number) {
  box.y += dy;
  box.children.forEach((c) => shift(c, dy));
}
