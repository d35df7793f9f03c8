/** Machine-readable reasons a matching input is rejected. */
export type MatchingInputErrorCode =
  | 'BAD_SIZE'
  | 'TOO_LARGE'
  | 'LENGTH_MISMATCH'
  | 'BAD_SCORE'
  | 'BAD_CAPACITY'
  | 'BAD_MIN_SCORE'
  | 'BAD_OBJECTIVE'
  | 'BAD_LOCK'
  | 'LOCK_FORBIDDEN'
  | 'LOCKED_TWICE'
  | 'LOCKS_EXCEED_CAPACITY'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_ID'
  | 'BAD_WEIGHTS'
  | 'BAD_REFERENCE_DATE';

/**
 * Thrown for input the matching engine cannot work with. The `code` is stable so callers
 * (the CLI, the web API) can map it to their own messages; the message is for people.
 */
export class MatchingInputError extends Error {
  override readonly name = 'MatchingInputError';
  readonly code: MatchingInputErrorCode;

  constructor(code: MatchingInputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
