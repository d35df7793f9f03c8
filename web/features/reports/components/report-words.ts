import type { ReportStatusName, ReportVisibilityName } from '../../../../src/shared/reports.ts';

export type Tone = 'neutral' | 'success' | 'danger' | 'info' | 'warning';

export const STATUS_LABELS: Record<ReportStatusName, string> = { draft: 'Draft', published: 'Published' };
export const STATUS_TONES: Record<ReportStatusName, Tone> = { draft: 'warning', published: 'success' };

/** Short words for the list's badge: who may read the published report. */
export const VISIBILITY_BADGES: Record<ReportVisibilityName, string> = {
  staff: 'Staff and task force',
  participants: 'Participants too',
  public: 'Public',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** An ISO instant → '10:42 AM' (or the local equivalent). */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFormat.format(d);
}
