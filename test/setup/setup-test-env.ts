// Runs before every unit test file (vitest.config.ts setupFiles). A console.error nobody expected
// is a bug somebody will otherwise scroll past: the test that caused it fails
// (after Epic Stack's tests/setup/setup-test-env.ts).
import { format } from 'node:util';
import { afterEach, beforeEach, vi } from 'vitest';
import type { MockInstance } from 'vitest';

type ConsoleError = typeof console.error;

let spy: MockInstance<ConsoleError> | undefined;
let allowed = false;

beforeEach(() => {
  allowed = false;
  // Still prints (the spy calls through), so the message is seen where it happened.
  spy = vi.spyOn(console, 'error');
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  spy = undefined;
  if (allowed || calls.length === 0) return;
  const messages = calls.map((args, i) => `  ${i + 1}. ${format(...args)}`).join('\n');
  throw new Error(
    `console.error was called ${calls.length} time(s) during this test:\n${messages}\n` +
      'If the test expects it, call allowConsoleError() from test/setup/setup-test-env.ts.',
  );
});

/**
 * Lets the current test log console.error without failing. The output is silenced; the returned
 * spy records the calls, so the test can assert on them: `expect(allowConsoleError()).toHaveBeenCalled...`
 * (assert after the code under test ran — the same spy keeps recording until the test ends).
 */
export function allowConsoleError(): MockInstance<ConsoleError> {
  if (!spy) throw new Error('allowConsoleError() must be called inside a test (beforeEach has not run)');
  allowed = true;
  return spy.mockImplementation(() => {});
}
