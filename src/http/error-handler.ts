import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import {
  AuthenticationError,
  ConflictError,
  DomainError,
  GoneError,
  InvalidInputError,
  NotFoundError,
  PermissionError,
  RuleViolationError,
  TooManyAttemptsError,
} from '../errors.ts';

const STATUS_OF: [new (...args: never[]) => DomainError, number][] = [
  [InvalidInputError, 400],
  [NotFoundError, 404],
  [AuthenticationError, 401],
  [PermissionError, 403],
  [ConflictError, 409],
  [GoneError, 410],
  [RuleViolationError, 422],
  [TooManyAttemptsError, 429],
];

/** Fastify's own 4xx codes, renamed to stable codes the web app and scripts can rely on. */
const FRAMEWORK_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON with content-type application/json.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'MALFORMED_JSON', 'The request body is empty; send a JSON object.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'MALFORMED_JSON', 'The request body is not valid JSON.'],
};

function validationDetails(err: FastifyError): { path: string; message: string }[] {
  return (err.validation ?? []).map((v) => {
    const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
    return {
      path: keys?.join(', ') ?? v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: keys ? `Unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}.` : (v.message ?? 'Invalid value.'),
    };
  });
}

/** The one place that turns errors into HTTP answers: `{code, message}`, and no details of a 5xx. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = validationDetails(err);
    const where = err.validationContext ?? 'request';
    void reply.code(400).send({
      code: 'VALIDATION_FAILED',
      message: `Some of the ${where} is not valid: ${details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')}`,
      details,
    });
    return;
  }
  const error: unknown = err;
  if (error instanceof DomainError) {
    const status = STATUS_OF.find(([cls]) => error instanceof cls)?.[1] ?? 400;
    if (error instanceof TooManyAttemptsError) void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.code(status).send({ code: error.code, message: error.message, ...(error.details && { details: error.details }) });
    return;
  }
  const known = err.code ? FRAMEWORK_CODES[err.code] : undefined;
  if (known) {
    void reply.code(known[0]).send({ code: known[1], message: known[2] });
    return;
  }
  if (isResponseSerializationError(err)) {
    request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
  } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    void reply.code(err.statusCode).send({ code: err.code ?? 'BAD_REQUEST', message: err.message });
    return;
  } else {
    request.log.error({ err }, 'unhandled error');
  }
  void reply.code(500).send({ code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' });
}
