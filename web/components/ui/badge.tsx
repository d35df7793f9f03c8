import type { ReactNode } from 'react';

type Tone = 'neutral' | 'success' | 'danger' | 'info' | 'warning';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={tone === 'neutral' ? 'badge' : `badge badge--${tone}`}>{children}</span>;
}
