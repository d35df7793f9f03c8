/** A mentor's card as stored: what they wrote for mentees who choose, and their photo. */
export interface MentorCardRecord {
  userId: number;
  offer: string;
  photoKey: string | null;
  photoAlt: string;
  updatedAt: string;
}
