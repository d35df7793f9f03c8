import { errorMessage } from '../../lib/api-error.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

/** What LoadMore reads of a paged list's query (TanStack Query's useInfiniteQuery). */
interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  /** While another search's first page loads, the list shown is the old one: no "more" of it. */
  isPlaceholderData: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
}

/** The foot of a paged list: why the next page failed, if it did, and the button that asks for it. */
export function LoadMore({ list, label }: { list: PagedList; label: string }) {
  return (
    <>
      {list.isFetchNextPageError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
      {list.hasNextPage && !list.isPlaceholderData ? (
        <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {label}
        </Button>
      ) : null}
    </>
  );
}
