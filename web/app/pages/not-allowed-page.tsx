import { Link } from 'react-router';
import { Page } from '../../components/ui/page.tsx';

export function NotAllowedPage() {
  return (
    <Page title="This page isn’t available to you">
      <p>
        This part of the program is only open to people with a different role. If you think you should be able to see it, please get in
        touch with your program office.
      </p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </Page>
  );
}
