import { useSetupStatus } from '../features/setup/api/get-setup-status.ts';

/** The program's name for the header; "Tandem" until one has been chosen. */
export function useProgramName(): string {
  const { data } = useSetupStatus();
  return data?.programName || 'Tandem';
}
