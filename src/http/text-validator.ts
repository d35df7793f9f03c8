import { validatorCompiler } from 'fastify-type-provider-zod';
import { InvalidInputError } from '../errors.ts';
import { forbiddenCharacter, forbiddenCharacterMessage } from '../shared/text.ts';

interface Found {
  path: string;
  character: string;
}

/**
 * The first string (or object key) anywhere in a parsed body, query or path that holds a character
 * no text may hold. Walked with a list, not recursion, so a deeply nested body cannot overflow the
 * stack.
 */
export function findForbiddenText(value: unknown): Found | undefined {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [item, path] = pending.pop() as [unknown, string];
    if (typeof item === 'string') {
      const character = forbiddenCharacter(item);
      if (character) return { path, character };
    } else if (Array.isArray(item)) {
      item.forEach((v, i) => pending.push([v, path ? `${path}.${i}` : String(i)]));
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, v] of Object.entries(item)) {
        const keyPath = path ? `${path}.${key}` : key;
        const character = forbiddenCharacter(key);
        if (character) return { path: keyPath, character };
        pending.push([v, keyPath]);
      }
    }
  }
  return undefined;
}

/**
 * The validator every route schema goes through: first the text rule that applies to every field
 * of every request (src/shared/text.ts), then the route's own zod schema. Adding a field can
 * therefore never forget it, and SQLite and PostgreSQL see the same text.
 */
export const textSafeValidatorCompiler: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route);
  const where = route.httpPart === 'querystring' ? 'query' : route.httpPart === 'params' ? 'address' : (route.httpPart ?? 'request');
  return (data: unknown) => {
    const found = findForbiddenText(data);
    if (!found) return validate(data);
    const message = forbiddenCharacterMessage(found.character);
    return {
      error: new InvalidInputError(
        'VALIDATION_FAILED',
        `Some of the ${where} is not valid: ${found.path ? `${found.path}: ` : ''}${message}`,
        [{ path: found.path, message }],
      ),
    };
  };
};
