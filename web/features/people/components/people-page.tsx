import type { ReactNode } from 'react';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { InvitationList } from './invitation-list.tsx';
import { InviteForm } from './invite-form.tsx';
import { PeopleList } from './people-list.tsx';
import type { User } from '../api/get-users.ts';

export function PeoplePage({ personActions }: { personActions?: (person: User) => ReactNode } = {}) {
  return (
    <Page
      title="People"
      intro={<p>Invite people to the program, decide what each person can do, and turn accounts off when someone leaves.</p>}
    >
      <Card title="Invite someone">
        <p className="muted">We’ll e-mail them a personal link to create their account. The link works once and expires after a while.</p>
        <InviteForm />
      </Card>
      <Card title="Pending invitations">
        <InvitationList />
      </Card>
      <Card title="Everyone with an account">
        <PeopleList personActions={personActions} />
      </Card>
    </Page>
  );
}
