import { queryOptions, useQuery } from '@tanstack/react-query';
import { programFiguresSchema } from '../../../../src/shared/api/program-figures.ts';
import type { ProgramFigures } from '../../../../src/shared/api/program-figures.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { workspaceKeys } from './workspace-keys.ts';

export type { ProgramFigures };

/** A period's own figures; any too small to keep people unrecognisable come back hidden, with why. */
export function getProgramFigures(periodId: number): Promise<ProgramFigures> {
  return apiRequest(`/api/program-figures?periodId=${periodId}`, programFiguresSchema);
}

export function programFiguresQueryOptions(periodId: number) {
  return queryOptions({ queryKey: workspaceKeys.figures(periodId), queryFn: () => getProgramFigures(periodId), enabled: periodId > 0 });
}

export function useProgramFigures(periodId: number) {
  return useQuery(programFiguresQueryOptions(periodId));
}
