import { useState } from 'react';
import { ROLE_LABELS } from '../../../../src/shared/roles.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { useInvitations } from '../api/get-invitations.ts';
import type { Invitation } from '../api/get-invitations.ts';
import { useRevokeInvitation } from '../api/revoke-invitation.ts';

const STATUS_TONE = { pending: 'info', accepted: 'success', expired: 'neutral', revoked: 'danger' } as const;
const STATUS_LABEL = { pending: 'Waiting for sign-up', accepted: 'Accepted', expired: 'Expired', revoked: 'Withdrawn' } as const;

function RevokeButton({ invitation }: { invitation: Invitation }) {
  const revoke = useRevokeInvitation();
  // 'back' = the person chose to keep it; focus returns to the Withdraw button.
  const [step, setStep] = useState<'idle' | 'confirming' | 'back'>('idle');
  if (revoke.isError) {
    return (
      <span role="alert" className="field__error">
        {errorMessage(revoke.error)}
      </span>
    );
  }
  if (step !== 'confirming') {
    return (
      <Button variant="danger" small autoFocus={step === 'back'} onClick={() => setStep('confirming')}>
        Withdraw<span className="visually-hidden"> invitation for {invitation.email}</span>
      </Button>
    );
  }
  return (
    <span className="item-row__actions">
      <Button variant="danger" small busy={revoke.isPending} onClick={() => revoke.mutate(invitation.id)}>
        Yes, withdraw<span className="visually-hidden"> the invitation for {invitation.email}</span>
      </Button>
      <Button variant="secondary" small autoFocus onClick={() => setStep('back')}>
        Keep it
      </Button>
    </span>
  );
}

function InvitationTable({ invitations, caption, withActions }: { invitations: Invitation[]; caption: string; withActions: boolean }) {
  return (
    <TableWrap label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail address</th>
            <th scope="col">Roles</th>
            <th scope="col">{withActions ? 'Link valid until' : 'Status'}</th>
            {withActions ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {invitations.map((inv) => (
            <tr key={inv.id}>
              <th scope="row">{inv.name}</th>
              <td>{inv.email}</td>
              <td>{inv.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
              <td>
                {withActions ? formatInstant(inv.expiresAt) : <Badge tone={STATUS_TONE[inv.status]}>{STATUS_LABEL[inv.status]}</Badge>}
              </td>
              {withActions ? (
                <td className="cell-actions">
                  <RevokeButton invitation={inv} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function InvitationList() {
  const invitations = useInvitations();
  if (invitations.isPending) return <Loading label="Loading invitations…" />;
  if (invitations.isError) return <LoadError error={invitations.error} what="the invitations" onRetry={() => void invitations.refetch()} />;

  const pending = invitations.data.filter((i) => i.status === 'pending');
  const earlier = invitations.data.filter((i) => i.status !== 'pending');
  return (
    <>
      {pending.length === 0 ? (
        <Alert tone="info" announce={false}>
          No invitations are waiting. Everyone you invited has signed up, or their invitation has ended.
        </Alert>
      ) : (
        <InvitationTable invitations={pending} caption="Invitations waiting for sign-up" withActions />
      )}
      {earlier.length > 0 ? (
        <details>
          <summary>Earlier invitations ({earlier.length})</summary>
          <InvitationTable invitations={earlier} caption="Earlier invitations" withActions={false} />
        </details>
      ) : null}
    </>
  );
}
