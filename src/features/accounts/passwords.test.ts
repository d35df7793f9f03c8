import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('uses argon2id at the OWASP minimum or above (19 MiB, two passes, one lane), salted', async () => {
    const hash = await hashPassword('correct horse battery');
    const [, algorithm, version, params, salt] = hash.split('$');
    expect(algorithm).toBe('argon2id');
    expect(version).toBe('v=19');
    const p = Object.fromEntries((params ?? '').split(',').map((kv) => kv.split('=') as [string, string]));
    expect(Number(p.m)).toBeGreaterThanOrEqual(19_456);
    expect(Number(p.t)).toBeGreaterThanOrEqual(2);
    expect(Number(p.p)).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(salt ?? '', 'base64').length).toBeGreaterThanOrEqual(16);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
  });

  it('verifies the same passphrase typed in either Unicode form, and nothing else', async () => {
    const hash = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword(hash, 'cafe\u0301 au lait')).toBe(true);
    expect(await verifyPassword(hash, 'cafe au lait')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
