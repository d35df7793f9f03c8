import type { FastifyReply } from 'fastify';

/**
 * Sends JSON already written by the service, skipping the route's serializer (Fastify sends a
 * string of JSON type as it is). Only for answers whose JSON was made from a value checked against
 * the route's response schema: the check is the caller's, so it can be done once rather than per
 * request (survey results: survey-results-json.ts).
 */
export function sendWrittenJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
