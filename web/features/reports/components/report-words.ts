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
