import { z } from 'zod';

/**
 * Plain-English fallbacks for zod's built-in messages, used in the browser only.
 * Messages written on a schema (e.g. "Enter a valid e-mail address.") still win.
 */
export function installFriendlyZodMessages(): void {
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case 'too_small':
          if (issue.origin === 'string')
            return Number(issue.minimum) <= 1 ? 'Please fill in this field.' : `Use at least ${issue.minimum} characters.`;
          if (issue.origin === 'array' || issue.origin === 'set') return `Choose at least ${issue.minimum}.`;
          return `Use a number of at least ${issue.minimum}.`;
        case 'too_big':
          if (issue.origin === 'string') return `Use at most ${issue.maximum} characters.`;
          if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${issue.maximum}.`;
          return `Use a number no larger than ${issue.maximum}.`;
        case 'invalid_type':
          return issue.expected === 'number' || issue.expected === 'int' ? 'Enter a whole number.' : 'Please fill in this field.';
        case 'invalid_format':
          return issue.format === 'email' ? 'Enter a valid e-mail address.' : 'Please check the format of this field.';
        case 'invalid_value':
          return 'Please choose one of the options.';
        default:
          return undefined;
      }
    },
  });
}
