import { Link } from 'react-router';
import { Page } from '../../components/ui/page.tsx';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>We couldn’t find the page you were looking for. The link may be out of date, or the address may have a typo.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </Page>
  );
}
