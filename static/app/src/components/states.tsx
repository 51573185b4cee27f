/** The explicit states every screen has besides its data: loading, empty and error (with a retry). */
import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return <div className="ob state" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" />Loading {what}…</div>;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="ob state empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="ob state">
      <div className="error" role="alert">{message}</div>
      <div><button type="button" onClick={onRetry}>Retry</button></div>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return <section><h2>{title}</h2>{children}</section>;
}
