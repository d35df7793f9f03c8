import { useMutation, useQueryClient } from '@tanstack/react-query';
import { settingsSchema, updateSettingsBodySchema } from '../../../../src/shared/api/settings.ts';
import type { UpdateSettings } from '../../../../src/shared/api/settings.ts';
import type { setupStatusSchema } from '../../../../src/shared/api/auth.ts';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

type SetupStatusShape = z.infer<typeof setupStatusSchema>;

export const updateSettingsInputSchema = updateSettingsBodySchema;
export type { UpdateSettings };

export function updateSettings(changes: UpdateSettings) {
  return apiRequest('/api/settings', settingsSchema, { method: 'PATCH', body: changes });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.settings, settings);
      // The header shows the program name from the setup status: update it at once.
      queryClient.setQueryData<SetupStatusShape>(queryKeys.setupStatus, (old) =>
        old ? { ...old, programName: settings.programName } : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
