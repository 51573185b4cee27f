/** The explicit states every screen has besides its data: loading, empty and error (with a retry). */
import type { ReactNode } from 'react';

/** The shape of what is loading: a skeleton of its final height, so nothing jumps when it arrives. */
export type SkeletonShape = 'panel' | 'gadget' | 'page' | 'line';
const SKELETON_LINES: Record<SkeletonShape, string[]> = {
  panel: ['tag', 'text', 'text short', 'bar', 'text short'],
  gadget: ['text short', 'figure', 'bar', 'chart', 'text'],
  page: ['title', 'cards', 'text', 'chart', 'text', 'text'],
  line: [],
};

export function Loading({ what, shape = 'line' }: { what: string; shape?: SkeletonShape }) {
  return (
    <div className={`ob state skeleton ${shape}`} role="status" aria-live="polite">
      {shape === 'line' ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        SKELETON_LINES[shape].map((l, i) => <div key={i} className={`bone ${l}`} aria-hidden="true" />)
      )}
      <span className={shape === 'line' ? undefined : 'visually-hidden'}>Loading {what}…</span>
    </div>
  );
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
