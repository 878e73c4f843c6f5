import { useState, type ReactNode } from 'react';
import type { Accusation } from '@/lib/types';
import { highlight, paragraphAround } from '@/lib/compare/align';
import { t, type MessageKey } from '@/lib/i18n';
import { categoryLabel, formatDate } from './labels';
import { ActorLabel } from './actor-label';

/** One side of the comparison: an accusation and the article it comes from. */
export interface ComparisonSide {
  label: string;
  accusation: Accusation;
  article: { title: string; url: string | null; siteName: string | null; publishedAt: string | null; text: string };
}

function Marked({ text, terms }: { text: string; terms: string[] }) {
  return <>{highlight(text, terms).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

function Quote({ side, terms }: { side: ComparisonSide; terms: string[] }) {
  const [expanded, setExpanded] = useState(false);
  const a = side.accusation;
  const field = a.location.field === 'title' ? side.article.title : side.article.text;
  const paragraph = paragraphAround(field, a.location.start, a.location.end);
  const canExpand = paragraph.length > a.quote.length + 10;
  return (
    <div className="compare-quote">
      <blockquote>
        <Marked text={expanded ? paragraph : a.quote} terms={terms} />
      </blockquote>
      {canExpand ? (
        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('compareShowSentence') : t('compareShowParagraph')}
        </button>
      ) : null}
    </div>
  );
}

function list(items: string[], terms: string[]): ReactNode {
  if (!items.length) return <span className="muted">{t('compareNotStated')}</span>;
  return (
    <ul className="facet-list">
      {items.map((t, i) => (
        <li key={i}>
          <Marked text={t} terms={terms} />
        </li>
      ))}
    </ul>
  );
}

function safeHref(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Two accusations in aligned rows: who accuses, who is accused, the charge, facets, date, source, the quote. */
export function Comparison({ left, right, terms }: { left: ComparisonSide; right: ComparisonSide; terms: string[] }) {
  const rows: { label: MessageKey; render: (s: ComparisonSide) => ReactNode }[] = [
    { label: 'compareRow_accuser', render: (s) => <ActorLabel actor={s.accusation.accuser} role="accuser" /> },
    { label: 'compareRow_accused', render: (s) => <ActorLabel actor={s.accusation.accused} role="accused" /> },
    {
      label: 'compareRow_charge',
      render: (s) => (
        <span className="claim-charge">
          <span className={`badge badge-${s.accusation.charge.category}`}>{categoryLabel(s.accusation.charge.category)}</span>
          {s.accusation.charge.text ? (
            <span className="charge-words">
              “<Marked text={s.accusation.charge.text} terms={terms} />”
            </span>
          ) : null}
        </span>
      ),
    },
    { label: 'compareRow_targets', render: (s) => list(s.accusation.facets.targets, terms) },
    { label: 'compareRow_evidence', render: (s) => list(s.accusation.facets.evidence, terms) },
    { label: 'compareRow_response', render: (s) => list(s.accusation.facets.response, terms) },
    { label: 'compareRow_denial', render: (s) => list(s.accusation.facets.denial, terms) },
    { label: 'compareRow_date', render: (s) => formatDate(s.article.publishedAt) },
    {
      label: 'compareRow_source',
      render: (s) => (
        <span>
          {safeHref(s.article.url) ? (
            <a href={safeHref(s.article.url)} target="_blank" rel="noreferrer noopener">
              {s.article.title || t('compareUntitled')}
            </a>
          ) : (
            s.article.title || t('compareUntitled')
          )}
          {s.article.siteName ? ` · ${s.article.siteName}` : ''}
        </span>
      ),
    },
    { label: 'compareRow_quote', render: (s) => <Quote side={s} terms={terms} /> },
  ];
  return (
    <table className="comparison">
      <caption className="visually-hidden">{t('compareCaption', { left: left.label, right: right.label })}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('compareAspect')}</span>
          </th>
          <th scope="col">{left.label}</th>
          <th scope="col">{right.label}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{t(r.label)}</th>
            <td>{r.render(left)}</td>
            <td>{r.render(right)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
