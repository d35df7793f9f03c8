// The setup status is a shared read (the header and every tab title name the program).
export { getSetupStatus, setupStatusQueryOptions, useSetupStatus } from '../../../lib/reads/setup-status.ts';
export type { SetupStatus } from '../../../lib/reads/setup-status.ts';
