import { Shortcut } from '../../../components/ui/shortcut.tsx';
import { useInvitations } from '../api/get-invitations.ts';
import { useActiveAccountCount } from '../api/get-users.ts';

export function PeopleShortcut() {
  const active = useActiveAccountCount().data;
  const invitations = useInvitations();
  const pending = invitations.data?.filter((i) => i.status === 'pending').length;
  return (
    <Shortcut
      to="/people"
      title="People"
      linkText="Manage accounts and invitations"
      count={active === undefined ? undefined : String(active)}
      countLabel={active === 1 ? 'active account' : 'active accounts'}
      text={
        pending === undefined || pending === 0
          ? 'Invite people and manage their roles.'
          : `${pending} ${pending === 1 ? 'invitation is' : 'invitations are'} waiting for sign-up.`
      }
    />
  );
}
