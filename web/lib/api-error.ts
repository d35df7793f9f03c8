import type { ApiError as ApiErrorBody } from '../../src/shared/api/common.ts';

type FieldDetail = NonNullable<ApiErrorBody['details']>[number];

/** An error the API (or the network) reported, carrying the server's code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldDetail[];

  constructor(status: number, code: string, message: string, details: FieldDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field name → message, for showing errors next to the fields they belong to. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const field = d.path.split('.')[0] ?? d.path;
      if (field && !(field in out)) out[field] = d.message;
    }
    return out;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A message safe to show to a person, whatever went wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong on our side. Please try again in a moment.';
}
