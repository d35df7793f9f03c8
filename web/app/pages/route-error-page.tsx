import { isRouteErrorResponse, useRouteError } from 'react-router';
import { errorMessage } from '../../lib/api-error.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * The last resort when a route fails to load (for example the server is down).
 * It renders its own landmarks because the layout may be what failed.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error);
  return (
    <main id="main" className="site-main site-main--narrow">
      <h1>Something went wrong</h1>
      <div className="alert alert--error" role="alert">
        <p>{message}</p>
      </div>
      <p>
        <a href={window.location.pathname}>Reload this page</a> or <a href="/">go to the home page</a>.
      </p>
    </main>
  );
}
