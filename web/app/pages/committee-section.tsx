import { CurrentReviewLinks } from '../../features/applications/components/current-review-links.tsx';
import { CommitteeWelcome } from '../../features/home/components/committee-welcome.tsx';

/** The matching committee's part of the home page: loaded for the committee only. */
export default function CommitteeSection() {
  return (
    <CommitteeWelcome>
      <CurrentReviewLinks />
    </CommitteeWelcome>
  );
}
