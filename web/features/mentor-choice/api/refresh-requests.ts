import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

/**
 * After a request changes (asked, answered, withdrawn, closed): every view of requests and
 * suggestions is out of date, and an acceptance makes a match that the match pages, the matching
 * workspace and the applications lists show too.
 */
export function useRefreshRequests() {
  const queryClient = useQueryClient();
  return (made: { match: boolean }) => {
    void queryClient.invalidateQueries({ queryKey: mentorChoiceKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
    if (made.match) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.myMatches });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications });
      void queryClient.invalidateQueries({ queryKey: queryKeys.matching });
    }
  };
}
