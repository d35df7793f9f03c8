/**
 * Domain errors: small named classes with a stable `code` the web app can act on.
 * The HTTP error handler maps each class to a status; nothing else knows about HTTP.
 */
export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainError {
  constructor(what = 'record') {
    super('NOT_FOUND', `No such ${what}.`);
  }
}
export class AuthenticationError extends DomainError {}
export class PermissionError extends DomainError {}
/** The request conflicts with the current state (duplicate, wrong status, stale). */
export class ConflictError extends DomainError {}
/** A link or token that worked once and no longer does. */
export class GoneError extends DomainError {}
/** Input that no request may carry, found before the route's own schema runs. */
export class InvalidInputError extends DomainError {}
/** Well-formed input that breaks a rule of the program (dates out of order, …). */
export class RuleViolationError extends DomainError {}
/** Too many tries: the caller may try again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_ATTEMPTS', message);
  }
}
