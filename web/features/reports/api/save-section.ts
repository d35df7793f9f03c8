import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { sectionSavedSchema } from '../../../../src/shared/api/reports.ts';
import type { Report, saveSectionBodySchema } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

export type SaveSectionInput = z.input<typeof saveSectionBodySchema>;
export type SectionSaved = z.output<typeof sectionSavedSchema>;

/**
 * Saves a section's title and text over the revision the edit started from. If someone else saved
 * a newer one first, the server answers 409 SECTION_CHANGED and nothing is written.
 */
export function saveSection(reportId: number, sectionId: number, input: SaveSectionInput): Promise<SectionSaved> {
  return apiRequest(`/api/reports/${reportId}/sections/${sectionId}`, sectionSavedSchema, { method: 'PUT', body: input });
}

/** The saved section goes into the cached report, so coming back to the page shows it at once. */
export function rememberSection(
  queryClient: QueryClient,
  reportId: number,
  sectionId: number,
  title: string,
  saved: SectionSaved,
  /** Who saved it: the person at this page, or the other whose version they loaded. */
  savedBy: string | null,
): void {
  queryClient.setQueryData<Report>(reportKeys.one(reportId), (old) =>
    old
      ? {
          ...old,
          sections: old.sections.map((s) =>
            s.id === sectionId
              ? { ...s, title, body: saved.body, revision: saved.revision, updatedAt: saved.updatedAt, updatedByName: savedBy }
              : s,
          ),
        }
      : old,
  );
}
