import type { ReactNode } from 'react';

/** A calm, full-width message for empty, loading and error states. */
export function StatusMessage({ kind, title, children }: { kind: 'info' | 'error' | 'loading' | 'empty'; title: string; children?: ReactNode }) {
  return (
    <div className={`status status-${kind}`} role={kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      {kind === 'loading' ? <span className="spinner" aria-hidden="true" /> : null}
      <div>
        <p className="status-title">{title}</p>
        {children ? <div className="status-body">{children}</div> : null}
      </div>
    </div>
  );
}
