import { useState, type KeyboardEvent } from 'react';
import { t, tn } from '@/lib/i18n';
import { CATEGORY_GROUPS, categoriesOf } from '@/lib/views/categories';
import type { CounterPair, GraphData, GraphEdge, GraphNode } from '@/lib/views/graph-data';
import type { GraphLayout, PlacedNode } from '@/lib/views/graph-layout';
import { categoryLabel } from './labels';

export interface Pair {
  from: string;
  to: string;
}

/** The edge as a curve that leaves `a` and ends at `b`'s rim, bent to one side so A→B and B→A do not overlap. */
function edgePath(a: PlacedNode, b: PlacedNode): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.max(1, Math.hypot(dx, dy));
  const bend = Math.min(60, 0.16 * len);
  const cx = (a.x + b.x) / 2 - (dy / len) * bend;
  const cy = (a.y + b.y) / 2 + (dx / len) * bend;
  const toward = (p: PlacedNode, dist: number) => {
    const vx = cx - p.x;
    const vy = cy - p.y;
    const l = Math.max(1, Math.hypot(vx, vy));
    return [p.x + (vx / l) * dist, p.y + (vy / l) * dist] as const;
  };
  const [sx, sy] = toward(a, a.r + 2);
  const [ex, ey] = toward(b, b.r + 4);
  const f = (v: number) => Math.round(v * 10) / 10;
  return `M${f(sx)} ${f(sy)} Q${f(cx)} ${f(cy)} ${f(ex)} ${f(ey)}`;
}

const edgeWidth = (count: number) => Math.min(9, 1.4 + 1.6 * Math.log2(1 + count));

function chargesText(e: GraphEdge): string {
  return e.categories.map((c) => t('libraryGraphChargeCount', { charge: categoryLabel(c.category), count: c.count })).join(', ');
}

export function nodeLabel(n: GraphNode): string {
  return t('libraryGraphNodeAria', { name: n.name, accuses: n.accuses, accused: n.accusedBy });
}

/** The country graph: actors as focusable nodes, accusations as directed edges coloured by charge family. */
export function GraphView({
  data,
  layout,
  selected,
  onSelect,
  onPair,
}: {
  data: GraphData;
  layout: GraphLayout;
  selected: string | null;
  onSelect: (code: string | null) => void;
  onPair: (pair: Pair) => void;
}) {
  const [shownPair, setShownPair] = useState<CounterPair | null>(null);
  const names = new Map(data.nodes.map((n) => [n.code, n.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  const node = selected ? data.nodes.find((n) => n.code === selected) : undefined;
  const inPair = (e: GraphEdge, p: CounterPair) => [p.first, p.second].some((s) => s.from === e.from && s.to === e.to);
  // A pair pointed at in the list lights up its two edges; otherwise the selected actor's edges.
  const touching = (e: GraphEdge) => (shownPair ? inPair(e, shownPair) : !selected || e.from === selected || e.to === selected);
  const key = (e: KeyboardEvent, code: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(selected === code ? null : code);
    } else if (e.key === 'Escape') onSelect(null);
  };
  // Edges that touch the selection are drawn last, on top.
  const edges = [...data.edges].reverse().sort((a, b) => Number(touching(a)) - Number(touching(b)));

  return (
    <div className="graph">
      <div className="graph-canvas">
        <svg
          className="graph-svg"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={t('libraryGraphAria', { nodes: data.nodes.length, edges: data.edges.length })}
        >
          <defs>
            {CATEGORY_GROUPS.map((g) => (
              <marker
                key={g}
                id={`arrow-${g}`}
                viewBox="0 0 10 10"
                refX="8"
                refY="5"
                markerWidth="11"
                markerHeight="11"
                markerUnits="userSpaceOnUse"
                orient="auto"
              >
                <path d="M0,0 L10,5 L0,10 z" className={`arrow cat-${g}`} />
              </marker>
            ))}
          </defs>
          <g className="graph-edges">
            {edges.map((e) => {
              const a = layout.nodes.get(e.from);
              const b = layout.nodes.get(e.to);
              if (!a || !b) return null;
              const d = edgePath(a, b);
              const w = edgeWidth(e.count);
              const pair = `${e.reversal ? ' pair-reversal' : ''}${e.mirror ? ' pair-mirror' : ''}`;
              return (
                <g
                  key={`${e.from}>${e.to}`}
                  className={`graph-edge cat-${e.group}${pair}${touching(e) ? '' : ' dim'}`}
                  data-edge={`${e.from}>${e.to}`}
                  onClick={() => onPair({ from: e.from, to: e.to })}
                >
                  <title>{t('libraryGraphEdgeTitle', { from: nameOf(e.from), to: nameOf(e.to), count: e.count, charges: chargesText(e) })}</title>
                  {pair ? <path d={d} className="edge-halo" strokeWidth={w + 7} /> : null}
                  <path d={d} className="edge-line" strokeWidth={w} markerEnd={`url(#arrow-${e.group})`} />
                  <path d={d} className="edge-hit" strokeWidth={Math.max(12, w + 8)} />
                </g>
              );
            })}
          </g>
          <g className="graph-nodes">
            {data.nodes.map((n) => {
              const p = layout.nodes.get(n.code);
              if (!p) return null;
              const isSelected = n.code === selected;
              const linked = (!selected && !shownPair) || isSelected || data.edges.some((e) => touching(e) && (e.from === n.code || e.to === n.code));
              return (
                <g
                  key={n.code}
                  className={`graph-node${isSelected ? ' selected' : ''}${linked ? '' : ' dim'}`}
                  data-code={n.code}
                  transform={`translate(${p.x} ${p.y})`}
                  role="button"
                  tabIndex={0}
                  aria-label={nodeLabel(n)}
                  aria-pressed={isSelected}
                  onClick={() => onSelect(isSelected ? null : n.code)}
                  onKeyDown={(e) => key(e, n.code)}
                >
                  <circle r={p.r} />
                  <text className="node-code" dy="0.35em">
                    {n.code}
                  </text>
                  {p.r >= 14 ? (
                    <text className="node-name" dy={p.r + 13}>
                      {n.name.length > 18 ? `${n.name.slice(0, 17)}…` : n.name}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        </svg>
        <GraphLegend />
        {data.hiddenNodes ? (
          <p className="muted graph-more">{tn('libraryGraphMore', data.hiddenNodes, { accusations: data.hiddenAccusations })}</p>
        ) : null}
      </div>

      <div className="graph-side">
        {node ? (
          <section aria-labelledby="graph-node-heading">
            <h3 id="graph-node-heading">
              {node.name} ({node.code})
            </h3>
            <p className="muted">{t('libraryGraphNodeSummary', { accuses: node.accuses, accused: node.accusedBy })}</p>
            <EdgeTable
              edges={data.edges.filter(touching)}
              nameOf={nameOf}
              onPair={onPair}
              caption={t('libraryGraphNodeEdges', { name: node.name })}
            />
            <button type="button" onClick={() => onSelect(null)}>
              {t('libraryGraphClearSelection')}
            </button>
          </section>
        ) : (
          <PairList pairs={data.pairs} nameOf={nameOf} onPair={onPair} onShow={setShownPair} />
        )}
        <details className="graph-table">
          <summary>{t('libraryGraphAllTable', { count: data.edges.length })}</summary>
          <EdgeTable edges={data.edges} nameOf={nameOf} onPair={onPair} caption={t('libraryGraphAllCaption')} />
        </details>
      </div>
    </div>
  );
}

function GraphLegend() {
  return (
    <ul className="graph-legend" aria-label={t('libraryGraphLegend')}>
      {CATEGORY_GROUPS.map((g) => (
        <li key={g}>
          <svg width="22" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="21" y2="5" className={`legend-line cat-${g}`} />
          </svg>
          {categoriesOf(g).map(categoryLabel).join(', ')}
        </li>
      ))}
      <li>
        <svg width="22" height="12" aria-hidden="true">
          <line x1="1" y1="6" x2="21" y2="6" className="legend-halo pair-reversal" />
        </svg>
        {t('libraryGraphLegendReversal')}
      </li>
      <li>
        <svg width="22" height="12" aria-hidden="true">
          <line x1="1" y1="6" x2="21" y2="6" className="legend-halo pair-mirror" />
        </svg>
        {t('libraryGraphLegendMirror')}
      </li>
    </ul>
  );
}

function EdgeTable({
  edges,
  nameOf,
  onPair,
  caption,
}: {
  edges: GraphEdge[];
  nameOf: (c: string) => string;
  onPair: (p: Pair) => void;
  caption: string;
}) {
  if (!edges.length) return <p className="muted">{t('libraryGraphNoEdges')}</p>;
  return (
    <table className="edge-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('libraryGraphColWho')}</th>
          <th scope="col">{t('libraryGraphColCount')}</th>
          <th scope="col">{t('libraryGraphColCharges')}</th>
        </tr>
      </thead>
      <tbody>
        {edges.map((e) => (
          <tr key={`${e.from}>${e.to}`} className={e.reversal ? 'pair-reversal' : e.mirror ? 'pair-mirror' : undefined}>
            <th scope="row">
              <button
                type="button"
                className="link-button"
                aria-label={t('libraryGraphShowPair', { from: nameOf(e.from), to: nameOf(e.to) })}
                onClick={() => onPair({ from: e.from, to: e.to })}
              >
                {e.from} → {e.to}
              </button>
              {e.reversal ? (
                <span className="pair-tag">{t('relation_reversal')}</span>
              ) : e.mirror ? (
                <span className="pair-tag">{t('relation_mirror')}</span>
              ) : null}
            </th>
            <td>{e.count}</td>
            <td>{e.categories.map((c) => `${categoryLabel(c.category)} ${c.count}`).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const PAIRS_LISTED = 6;

function PairList({
  pairs,
  nameOf,
  onPair,
  onShow,
}: {
  pairs: CounterPair[];
  nameOf: (c: string) => string;
  onPair: (p: Pair) => void;
  /** Points the graph at a pair (hover or keyboard focus), or lets go of it. */
  onShow: (p: CounterPair | null) => void;
}) {
  const reversals = pairs.filter((p) => p.kind === 'reversal');
  const mirrors = pairs.filter((p) => p.kind === 'mirror');
  const side = (s: CounterPair['first']) => (
    <button
      type="button"
      className="link-button"
      aria-label={t('libraryGraphShowPair', { from: nameOf(s.from), to: nameOf(s.to) })}
      onClick={() => onPair({ from: s.from, to: s.to })}
    >
      {s.from} → {s.to} <span className={`badge badge-${s.category}`}>{categoryLabel(s.category)}</span>
    </button>
  );
  const list = (items: CounterPair[], kind: 'reversal' | 'mirror') => (
    <ul className={`pair-list pair-list-${kind}`}>
      {items.slice(0, PAIRS_LISTED).map((p) => (
        <li
          key={`${p.first.from}>${p.first.to}|${p.second.from}>${p.second.to}`}
          onMouseEnter={() => onShow(p)}
          onMouseLeave={() => onShow(null)}
          onFocus={() => onShow(p)}
          onBlur={() => onShow(null)}
        >
          {side(p.first)}
          <span className="pair-then">{kind === 'reversal' ? t('libraryGraphPairBack') : t('libraryGraphPairOn')}</span>
          {side(p.second)}
          <span className="muted"> · {tn('libraryAccusationCount', p.count)}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="graph-pairs-heading">
      <h3 id="graph-pairs-heading">{t('libraryGraphPairsHeading')}</h3>
      <p className="muted">{t('libraryGraphPairsHint')}</p>
      <h4>{tn('libraryGraphReversals', reversals.length)}</h4>
      {reversals.length ? list(reversals, 'reversal') : <p className="muted">{t('libraryGraphNoReversal')}</p>}
      <h4>{tn('libraryGraphMirrors', mirrors.length)}</h4>
      {mirrors.length ? list(mirrors, 'mirror') : <p className="muted">{t('libraryGraphNoMirror')}</p>}
      {mirrors.length > PAIRS_LISTED || reversals.length > PAIRS_LISTED ? (
        <p className="muted">{t('libraryGraphPairsCut', { count: PAIRS_LISTED })}</p>
      ) : null}
    </section>
  );
}
