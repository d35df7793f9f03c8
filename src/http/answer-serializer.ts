import { serializerCompiler } from 'fastify-type-provider-zod';
import { isKeptAnswer } from '../db/unchanged-cache.ts';

type Compiler = typeof serializerCompiler;

/**
 * The zod response check (unknown fields dropped, the shape enforced) and JSON, as
 * fastify-type-provider-zod does it, except that an answer the unchanged-cache keeps is written
 * once per route: fifty staff opening program health between two writes get the same 180 KB,
 * which took longer to check and write than to find. Kept answers are never changed in place
 * (unchanged-cache.ts), and each route's serializer has its own texts, as each has its own schema.
 */
export const answerSerializerCompiler: Compiler = (route) => {
  const serialize = serializerCompiler(route);
  const written = new WeakMap<object, string>();
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null || !isKeptAnswer(data)) return serialize(data);
    let text = written.get(data);
    if (text === undefined) {
      text = serialize(data);
      written.set(data, text);
    }
    return text;
  };
};
