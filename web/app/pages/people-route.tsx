import { PeoplePage } from '../../features/people/components/people-page.tsx';
import { ErasePerson } from '../../features/personal-data/components/erase-person.tsx';

/** Erasing is its own feature's; the people list only leaves room for it. */
export function PeopleRoute() {
  return <PeoplePage personActions={(p) => <ErasePerson userId={p.id} name={p.name} erased={p.erased} />} />;
}
