import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reportSchema } from '../../../../src/shared/api/reports.ts';
import type { Report } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

/** Puts a draft's sections in this order (every section once). */
export function reorderSections(reportId: number, sectionIds: number[]): Promise<Report> {
  return apiRequest(`/api/reports/${reportId}/sections/order`, reportSchema, { method: 'PUT', body: { sectionIds } });
}

export function useReorderSections(reportId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sectionIds: number[]) => reorderSections(reportId, sectionIds),
    // Only the order is taken from the answer: each section's text stays what its editor holds.
    onSuccess: (saved) => {
      queryClient.setQueryData<Report>(reportKeys.one(reportId), (old) => {
        if (!old) return old;
        const byId = new Map(old.sections.map((s) => [s.id, s]));
        const sections = saved.sections.flatMap((s) => {
          const mine = byId.get(s.id);
          return mine ? [{ ...mine, position: s.position }] : [];
        });
        return { ...old, sections };
      });
    },
  });
}
