import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { GraphData } from './graph-data';

export interface PlacedNode {
  code: string;
  x: number;
  y: number;
  r: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: Map<string, PlacedNode>;
}

interface SimNode extends SimulationNodeDatum {
  code: string;
  r: number;
}

/** Radius of a node from its number of accusations (made and received). */
export function nodeRadius(degree: number): number {
  return Math.min(28, 9 + 3 * Math.sqrt(degree));
}

/** A fixed-seed generator, so the same data always lays out the same way (stable screenshots, no jumps on reload). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (1664525 * s + 1013904223) >>> 0) / 4294967296;
}

/**
 * Lays the graph out with d3-force, synchronously: a fixed number of ticks from fixed starting positions (on a
 * circle, most connected first), no timers. The result is scaled into `width` × `height` with a margin for labels.
 */
export function layoutGraph(data: Pick<GraphData, 'nodes' | 'edges'>, width = 960, height = 640, ticks = 300): GraphLayout {
  const n = data.nodes.length;
  const nodes: SimNode[] = data.nodes.map((d, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    const ring = i === 0 ? 0 : 120 + 12 * (i % 3);
    return { code: d.code, r: nodeRadius(d.accuses + d.accusedBy), x: ring * Math.cos(angle), y: ring * Math.sin(angle) };
  });
  const index = new Map(nodes.map((d) => [d.code, d]));
  const links = data.edges.filter((e) => index.has(e.from) && index.has(e.to)).map((e) => ({ source: e.from, target: e.to, count: e.count }));
  const sim = forceSimulation<SimNode>(nodes)
    .randomSource(lcg(42))
    .force(
      'link',
      forceLink<SimNode, { source: string | SimNode; target: string | SimNode; count: number }>(links)
        .id((d) => d.code)
        .distance((l) => 60 + 2.2 * ((l.source as SimNode).r + (l.target as SimNode).r))
        .strength(0.2),
    )
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength((d) => -250 - 18 * d.r)
        .distanceMax(520),
    )
    .force(
      'collide',
      forceCollide<SimNode>((d) => d.r + 16),
    )
    .force('x', forceX<SimNode>(0).strength(0.07))
    .force('y', forceY<SimNode>(0).strength(0.1))
    .force('center', forceCenter(0, 0))
    .stop();
  sim.tick(ticks);

  const out = new Map<string, PlacedNode>();
  if (!n) return { width, height, nodes: out };
  const margin = 48;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const d of nodes) {
    minX = Math.min(minX, d.x! - d.r);
    maxX = Math.max(maxX, d.x! + d.r);
    minY = Math.min(minY, d.y! - d.r);
    maxY = Math.max(maxY, d.y! + d.r);
  }
  // Keep the aspect ratio; never blow a small graph up past its natural size.
  const scale = Math.min(1.6, (width - 2 * margin) / Math.max(1, maxX - minX), (height - 2 * margin) / Math.max(1, maxY - minY));
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  for (const d of nodes)
    out.set(d.code, { code: d.code, r: d.r, x: round(width / 2 + (d.x! - cx) * scale), y: round(height / 2 + (d.y! - cy) * scale) });
  return { width, height, nodes: out };
}

const round = (v: number) => Math.round(v * 10) / 10;
