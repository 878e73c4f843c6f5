import { useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { ReportSummary } from '@/lib/library/search';
import { categoryLabel, formatDate } from './labels';

type Side = { accuser: { code: string }; accused: { code: string }; category: string; chargeText: string };

function accusationText(a: Side): string {
  return `${a.accuser.code} → ${a.accused.code}: ${categoryLabel(a.category)} (“${a.chargeText}”)`;
}

function AccusationChoice({
  legend,
  accusations,
  value,
  onChange,
}: {
  legend: string;
  accusations: Side[];
  value: number;
  onChange: (i: number) => void;
}) {
  const name = useId();
  if (!accusations.length) return <p className="muted">{t('libraryLinkNoAccusation')}</p>;
  return (
    <fieldset className="accusation-choice">
      <legend>{legend}</legend>
      {accusations.map((a, i) => (
        <label key={i}>
          <input type="radio" name={name} checked={value === i} onChange={() => onChange(i)} />
          {accusationText(a)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Links the current report to another saved one by hand: search as you type, pick the report, then the accusation
 * on each side. `search` is the page's query (the component keeps no database handle).
 */
export function LinkPicker({
  current,
  search,
  onLink,
  onCancel,
}: {
  current: ReportSummary;
  search: (text: string) => Promise<ReportSummary[]>;
  onLink: (input: { fromIndex: number; to: string; toIndex: number; note: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<ReportSummary[] | null>(null);
  const [other, setOther] = useState<ReportSummary | null>(null);
  const [fromIndex, setFromIndex] = useState(current.primary ?? 0);
  const [toIndex, setToIndex] = useState(0);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void search(text).then((r) => live && setResults(r.filter((x) => x.id !== current.id)));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, search, current.id]);

  return (
    <section className="link-picker" aria-labelledby="link-picker-heading">
      <h3 id="link-picker-heading">{t('libraryLinkHeading')}</h3>
      <AccusationChoice legend={t('libraryLinkThisSide')} accusations={current.accusations} value={fromIndex} onChange={setFromIndex} />
      {other ? (
        <>
          <p className="link-other">
            {t('libraryLinkWith')} <strong>{other.title || t('libraryUntitled')}</strong>{' '}
            <button type="button" className="link-button" onClick={() => setOther(null)}>
              {t('libraryLinkChooseAnother')}
            </button>
          </p>
          <AccusationChoice legend={t('libraryLinkOtherSide')} accusations={other.accusations} value={toIndex} onChange={setToIndex} />
          <label className="notes">
            <span>{t('libraryLinkNote')}</span>
            <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          {error ? (
            <p className="save-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  await onLink({ fromIndex, to: other.id, toIndex, note });
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('libraryLinkSubmit')}
            </button>
            <button type="button" onClick={onCancel}>
              {t('libraryCancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <input
            type="search"
            className="link-search"
            aria-label={t('libraryLinkSearch')}
            placeholder={t('libraryLinkSearch')}
            value={text}
            autoFocus
            onChange={(e) => setText(e.target.value)}
          />
          {results === null ? (
            <p className="muted">{t('libraryLoading')}</p>
          ) : results.length === 0 ? (
            <p className="muted">{t('libraryLinkNoResult')}</p>
          ) : (
            <ul className="link-results" aria-label={t('libraryLinkResults')}>
              {results.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    className="report-row"
                    onClick={() => {
                      setOther(r);
                      setToIndex(r.primary ?? 0);
                    }}
                  >
                    <span className="report-title">{r.title || t('libraryUntitled')}</span>
                    <span className="report-meta">{formatDate(r.publishedAt)}</span>
                    <span className="report-claim">{r.accusations.map(accusationText).join(' · ') || t('libraryNoAccusationFound')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" onClick={onCancel}>
              {t('libraryCancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
