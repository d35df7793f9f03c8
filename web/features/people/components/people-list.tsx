import { Fragment, useState } from 'react';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ROLE_LABELS } from '../../../../src/shared/roles.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { filtersToParams, isNarrowed } from '../../../lib/list-filters.ts';
import { useUsers } from '../api/get-users.ts';
import type { User } from '../api/get-users.ts';
import { filtersFromParams, PeopleFiltersForm } from './people-filters.tsx';
import { PersonEditor } from './person-editor.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const people = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`;

/** `personActions`: more actions on a person from other features (erasing), given by the router. */
export function PeopleList({ personActions }: { personActions?: (person: User) => ReactNode } = {}) {
  // The search, filters and order live in the address, so a view can be shared or reloaded.
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const users = useUsers(filters);
  const [editing, setEditing] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const shown = users.data?.pages.flatMap((p) => p.users) ?? [];
  const total = users.data?.pages[0]?.total ?? 0;
  const filtered = isNarrowed(filters);

  const form = (
    <PeopleFiltersForm
      key={params.toString()}
      filters={filters}
      onChange={(next) => {
        setEditing(null);
        setParams(filtersToParams(next));
      }}
    />
  );
  if (users.isPending)
    return (
      <>
        {form}
        <Loading label="Loading people…" />
      </>
    );
  if (users.isError && shown.length === 0)
    return (
      <>
        {form}
        <LoadError error={users.error} what="the list of people" onRetry={() => void users.refetch()} />
      </>
    );
  if (shown.length === 0)
    return (
      <>
        {form}
        <p role="status">{filtered ? 'No one matches this search.' : 'No one has an account yet.'}</p>
      </>
    );

  return (
    <>
      {form}
      <p role="status">
        {shown.length < total ? `Showing ${shown.length.toLocaleString('en-US')} of ${people(total)}` : people(total)}
        {filtered ? ' matching this search.' : '.'}
      </p>
      {saved ? <Alert tone="success">Changes to {saved} saved.</Alert> : null}
      <TableWrap label="People with an account">
        <table>
          <caption className="visually-hidden">People with an account</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail address</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Joined</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((person) => (
              <Fragment key={person.id}>
                <tr>
                  <th scope="row">{person.name}</th>
                  <td>{person.email}</td>
                  <td>
                    {person.roles.length > 0 ? person.roles.map((r) => ROLE_LABELS[r]).join(', ') : <span className="muted">No role</span>}
                  </td>
                  <td>{person.disabled ? <Badge tone="danger">Turned off</Badge> : <Badge tone="success">Active</Badge>}</td>
                  <td>{formatInstant(person.createdAt)}</td>
                  <td className="cell-actions">
                    <Button
                      variant="secondary"
                      small
                      aria-expanded={editing === person.id}
                      onClick={() => {
                        setSaved(null);
                        setEditing(editing === person.id ? null : person.id);
                      }}
                    >
                      Edit<span className="visually-hidden"> {person.name}</span>
                    </Button>
                    {personActions?.(person)}
                  </td>
                </tr>
                {editing === person.id ? (
                  <tr>
                    <td colSpan={6}>
                      <PersonEditor
                        person={person}
                        onDone={(didSave) => {
                          setEditing(null);
                          if (didSave) setSaved(person.name);
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <LoadMore list={users} label="Load more people" />
    </>
  );
}
