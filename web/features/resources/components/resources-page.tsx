import { useState } from 'react';
import { Link } from 'react-router';
import type { Audience } from '../../../../src/shared/api/resources.ts';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useIsStaff } from '../../../lib/reads/me.ts';
import { useResources } from '../api/get-resources.ts';
import { LinkForm } from './link-form.tsx';
import { ResourceItem } from './resource-item.tsx';
import { groupByTopic, topicsOf } from './topic-groups.ts';
import { UploadForm } from './upload-form.tsx';

const FILTERS = [
  { value: '', label: 'Everything' },
  { value: 'everyone', label: 'For everyone' },
  { value: 'mentors', label: 'For mentors' },
  { value: 'mentees', label: 'For mentees' },
];

/** Videos, documents and links for the people they are meant for; staff add and keep them. */
export function ResourcesPage() {
  const staff = useIsStaff();
  const [audience, setAudience] = useState<Audience | ''>('');
  const resources = useResources(staff ? audience : '');
  const list = resources.data?.resources ?? [];
  const topics = topicsOf(list);

  return (
    <Page
      title="Resources"
      intro={
        <p>
          Videos, guides and links to help you make the most of mentoring. Questions about how the program works? See the{' '}
          <Link to="/faq">frequently asked questions</Link>.
        </p>
      }
    >
      {staff ? (
        <div className="resource-filter">
          <SelectField label="Show" value={audience} options={FILTERS} onChange={(v) => setAudience(v as Audience | '')} />
        </div>
      ) : null}
      {resources.isPending ? <Loading label="Loading resources…" /> : null}
      {resources.isError ? <LoadError error={resources.error} what="the resources" onRetry={() => void resources.refetch()} /> : null}
      {resources.data && list.length === 0 ? (
        <Card>
          <p className="muted">
            {staff
              ? 'Nothing here yet. Add a link or upload a file below.'
              : 'Nothing here yet. The program office adds videos and guides as the year goes on.'}
          </p>
        </Card>
      ) : null}
      {groupByTopic(list).map((group) => (
        <Card key={group.topic} title={group.topic} className="resource-topic">
          <ul className="plain-list item-list">
            {group.items.map((r) => (
              <li key={r.id}>
                <ResourceItem resource={r} staff={staff} topics={topics} />
              </li>
            ))}
          </ul>
        </Card>
      ))}
      {staff && resources.data ? (
        <div className="resource-forms">
          <Card>
            <LinkForm topics={topics} />
          </Card>
          <Card>
            <UploadForm topics={topics} maxUploadBytes={resources.data.maxUploadBytes} />
          </Card>
        </div>
      ) : null}
    </Page>
  );
}
