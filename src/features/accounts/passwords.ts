import { hash, verify } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet minimum for argon2id: m=19 MiB, t=2, p=1.
// Algorithm.Argon2id is a const enum (2) that isolatedModules cannot inline.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  // NFC so the same passphrase typed on two keyboards gives the same bytes.
  return hash(password.normalize('NFC'), OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against the stored hash, or against a dummy when there is no account, so a wrong
 * e-mail and a wrong password take the same time and get the same answer.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verify(await dummyHash, password.normalize('NFC')).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}
