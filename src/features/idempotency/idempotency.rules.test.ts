import { describe, expect, it } from 'vitest';
import { answerRetry, IDEMPOTENCY_KEY } from './idempotency.rules.ts';

describe('answering a retried change', () => {
  const response = { status: 201, type: 'application/json; charset=utf-8', body: '{"id":7}' };

  it('replays the kept answer of the same request', () => {
    expect(answerRetry({ requestHash: 'a', status: 'done', response }, 'a')).toEqual({ kind: 'replay', ...response });
  });

  it('refuses a different request under the same key, whatever state the first is in', () => {
    expect(answerRetry({ requestHash: 'a', status: 'done', response }, 'b')).toEqual({ kind: 'different-request' });
    expect(answerRetry({ requestHash: 'a', status: 'pending', response: null }, 'b')).toEqual({ kind: 'different-request' });
  });

  it('says "still running" for a first try without a kept answer (running, cut off, or not replayable)', () => {
    expect(answerRetry({ requestHash: 'a', status: 'pending', response: null }, 'a')).toEqual({ kind: 'still-running' });
    expect(answerRetry({ requestHash: 'a', status: 'done', response: null }, 'a')).toEqual({ kind: 'still-running' });
  });

  it('takes UUIDs and similar keys, nothing with spaces, control characters or beyond 100 characters', () => {
    expect(IDEMPOTENCY_KEY.test('3b241101-e2bb-4255-8caf-4136c566a962')).toBe(true);
    expect(IDEMPOTENCY_KEY.test('order:2026-12-06.retry_1')).toBe(true);
    for (const bad of ['short', 'with space here', 'line\nbreak-key', 'x'.repeat(101), '']) expect(IDEMPOTENCY_KEY.test(bad)).toBe(false);
  });
});
