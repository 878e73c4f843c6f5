import { useState, type KeyboardEvent } from 'react';
import { t, tn, uiLanguage } from '@/lib/i18n';
import { CATEGORY_GROUPS, categoriesOf, type CategoryGroup } from '@/lib/views/categories';
import type { TimelineBucket, TimelineData } from '@/lib/views/timeline-data';
import { categoryLabel } from './labels';

const W = 960;
const H = 240;
const PAD = { left: 40, right: 10, top: 22, bottom: 28 };

/** A period as people read it: "May 2025", or the year. */
export function periodLabel(period: string): string {
  if (/^\d{4}$/.test(period)) return period;
  return new Date(`${period}-01T00:00:00Z`).toLocaleDateString(uiLanguage(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function groupName(g: CategoryGroup): string {
  return categoriesOf(g).map(categoryLabel).join(', ');
}

function bucketSummary(b: TimelineBucket): string {
  const parts = CATEGORY_GROUPS.filter((g) => b.groups[g]).map((g) => `${groupName(g)}: ${b.groups[g]}`);
  return `${periodLabel(b.period)}: ${tn('libraryAccusationCount', b.total)}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/**
 * Accusations over time, stacked by charge family, with the periods where a reversal or mirror pair formed marked
 * above the bar. One tab stop: arrow keys move between periods, Enter shows that period's reports.
 */
export function TimelineChart({ data, onPeriod }: { data: TimelineData; onPeriod: (period: string) => void }) {
  const lastWithData = data.buckets.reduce((found, b, i) => (b.total ? i : found), 0);
  const [active, setActive] = useState(lastWithData);
  const index = Math.min(active, data.buckets.length - 1);
  const current = data.buckets[index];
  if (!current) return null;
  const n = data.buckets.length;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / n;
  const barW = Math.max(1, step * 0.8);
  const max = Math.max(1, data.max);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, Math.ceil(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  // Label years (or every fifth year when they are many) under their January.
  const labelEvery = data.unit === 'year' ? Math.ceil(n / 12) : Math.ceil(n / 12 / 12) * 12;

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, PageUp: -12, PageDown: 12 };
    if (e.key in moves) setActive(Math.max(0, Math.min(n - 1, index + moves[e.key]!)));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(n - 1);
    else if (e.key === 'Enter' || e.key === ' ') onPeriod(current.period);
    else return;
    e.preventDefault();
  };

  return (
    <div className="timeline">
      <svg
        className="timeline-svg"
        viewBox={`0 0 ${W} ${H}`}
        role="listbox"
        tabIndex={0}
        aria-label={t('libraryTimelineAria')}
        aria-activedescendant={`period-${current.period}`}
        onKeyDown={onKey}
      >
        {ticks.map((v) => (
          <g key={v} className="timeline-tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v)} dy="0.35em" textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {data.buckets.map((b, i) => {
          const x = PAD.left + i * step + (step - barW) / 2;
          let top = 0;
          const startOfLabel =
            data.unit === 'year' ? i % labelEvery === 0 : b.period.endsWith('-01') && Number(b.period.slice(0, 4)) % (labelEvery / 12) === 0;
          return (
            <g
              key={b.period}
              id={`period-${b.period}`}
              role="option"
              aria-selected={i === index}
              aria-label={bucketSummary(b)}
              className={`timeline-bar${i === index ? ' active' : ''}`}
              data-period={b.period}
              data-total={b.total}
              onClick={() => setActive(i)}
              onDoubleClick={() => onPeriod(b.period)}
            >
              <title>{bucketSummary(b)}</title>
              <rect className="bar-hit" x={PAD.left + i * step} y={PAD.top} width={step} height={plotH} />
              {CATEGORY_GROUPS.map((g) => {
                const v = b.groups[g];
                if (!v) return null;
                const r = <rect key={g} className={`bar cat-${g}`} x={x} y={y(top + v)} width={barW} height={y(top) - y(top + v)} />;
                top += v;
                return r;
              })}
              {b.pairs.length ? (
                <path className="pair-mark" d={`M${x + barW / 2} ${y(b.total) - 4} l-4 -7 h8 z`} data-pairs={b.pairs.length} />
              ) : null}
              {startOfLabel ? (
                <text className="timeline-label" x={PAD.left + i * step} y={H - 8}>
                  {b.period.slice(0, 4)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="graph-legend" aria-label={t('libraryGraphLegend')}>
        {CATEGORY_GROUPS.map((g) => (
          <li key={g}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" className={`bar cat-${g}`} />
            </svg>
            {groupName(g)}
          </li>
        ))}
        <li>
          <svg width="12" height="12" aria-hidden="true">
            <path d="M2 2 h8 l-4 8 z" className="pair-mark" />
          </svg>
          {t('libraryTimelineLegendPair')}
        </li>
      </ul>
      <div className="timeline-detail" aria-live="polite">
        <h3>{periodLabel(current.period)}</h3>
        <p>{bucketSummary(current)}</p>
        {current.pairs.length ? (
          <ul className="pair-list">
            {current.pairs.slice(0, 8).map((p) => (
              <li key={`${p.kind}:${p.first.from}>${p.first.to}|${p.second.from}>${p.second.to}`}>
                {t(p.kind === 'reversal' ? 'libraryTimelinePairReversal' : 'libraryTimelinePairMirror', {
                  a: `${p.first.from} → ${p.first.to}`,
                  b: `${p.second.from} → ${p.second.to}`,
                  charge: categoryLabel(p.second.category),
                })}
              </li>
            ))}
          </ul>
        ) : null}
        <button type="button" disabled={!current.total} onClick={() => onPeriod(current.period)}>
          {t('libraryTimelineShowReports', { period: periodLabel(current.period) })}
        </button>
      </div>
      <p className="muted">{t('libraryTimelineKeys')}</p>
      {data.undated ? <p className="muted">{tn('libraryTimelineUndated', data.undated)}</p> : null}
    </div>
  );
}
