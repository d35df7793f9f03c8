import { expect, it } from 'vitest';
import { allowConsoleError } from './setup-test-env.ts';

// The failing side (an unexpected console.error fails its test) is an afterEach error, which a
// test cannot assert on itself; it was checked by hand. This covers the escape hatch.
it('lets a test that expects console.error log it, and see what was logged', () => {
  const consoleError = allowConsoleError();
  console.error('expected failure: %s', 'disk full');
  expect(consoleError).toHaveBeenCalledTimes(1);
  expect(consoleError).toHaveBeenCalledWith('expected failure: %s', 'disk full');
});

it('starts each test with console.error watched again', () => {
  expect(console.error).not.toBe(undefined);
  expect(typeof (console.error as { mock?: unknown }).mock).toBe('object');
});
