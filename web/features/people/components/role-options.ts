import { ROLES, ROLE_LABELS } from '../../../../src/shared/roles.ts';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
