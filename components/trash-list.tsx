import { useState } from 'react';
import { t, tn } from '@/lib/i18n';
import type { ReportSummary } from '@/lib/library/search';
import { formatDate } from './labels';
import { StatusMessage } from './status-message';

/** The trash: restore a report, delete one for good (after a confirm step), or empty it all. */
export function TrashList({
  items,
  onRestore,
  onDelete,
  onEmpty,
}: {
  items: ReportSummary[];
  onRestore: (r: ReportSummary) => void;
  onDelete: (r: ReportSummary) => void;
  onEmpty: () => void;
}) {
  const [confirming, setConfirming] = useState<string | 'all' | null>(null);
  if (!items.length)
    return (
      <StatusMessage kind="empty" title={t('libraryTrashEmptyTitle')}>
        <p>{t('libraryTrashEmptyBody')}</p>
      </StatusMessage>
    );
  return (
    <div className="trash">
      <div className="trash-head">
        <p role="status">{tn('libraryTrashCount', items.length)}</p>
        {confirming === 'all' ? (
          <div className="confirm" role="group" aria-label={t('libraryTrashEmptyConfirm')}>
            <span>{t('libraryTrashEmptyConfirm')}</span>
            <button type="button" className="danger" onClick={() => (setConfirming(null), onEmpty())}>
              {t('libraryTrashEmptyYes', { count: items.length })}
            </button>
            <button type="button" onClick={() => setConfirming(null)} autoFocus>
              {t('libraryCancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming('all')}>
            {t('libraryTrashEmpty')}
          </button>
        )}
      </div>
      <ul className="trash-list">
        {items.map((r) => (
          <li key={r.id} className="trash-item">
            <div>
              <span className="report-title">{r.title || t('libraryUntitled')}</span>
              <span className="report-meta">
                {t('libraryTrashedOn', { date: formatDate(r.trashedAt ?? null), published: formatDate(r.publishedAt) })}
              </span>
            </div>
            {confirming === r.id ? (
              <div className="confirm" role="group" aria-label={t('libraryTrashDeleteConfirm', { title: r.title })}>
                <span>{t('libraryTrashDeleteConfirm', { title: r.title })}</span>
                <button type="button" className="danger" onClick={() => (setConfirming(null), onDelete(r))}>
                  {t('libraryTrashDeleteYes')}
                </button>
                <button type="button" onClick={() => setConfirming(null)} autoFocus>
                  {t('libraryCancel')}
                </button>
              </div>
            ) : (
              <div className="actions">
                <button type="button" onClick={() => onRestore(r)} aria-label={t('libraryTrashRestoreAria', { title: r.title })}>
                  {t('libraryTrashRestore')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => setConfirming(r.id)}
                  aria-label={t('libraryTrashDeleteAria', { title: r.title })}
                >
                  {t('libraryTrashDelete')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
