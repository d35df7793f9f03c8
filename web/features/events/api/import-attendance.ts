import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { attendanceImportResultSchema } from '../../../../src/shared/api/events.ts';
import type { attendanceImportBodySchema, AttendanceImportResult } from '../../../../src/shared/api/events.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { eventKeys } from './event-keys.ts';

export type AttendanceImportBody = z.input<typeof attendanceImportBodySchema>;
export type { AttendanceImportResult };

/** The web-conference tool's attendance report: "preview" changes nothing, "import" marks who came. */
export function importAttendance(input: { eventId: number; body: AttendanceImportBody }): Promise<AttendanceImportResult> {
  return apiRequest(`/api/events/${input.eventId}/attendance/import`, attendanceImportResultSchema, { method: 'POST', body: input.body });
}

export function useImportAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importAttendance,
    onSuccess: (result) => {
      if (!result.imported) return;
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
