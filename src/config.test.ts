import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadDemoConfig } from './config.ts';

describe('configuration', () => {
  it('derives the database file and uploads from the data directory, also when it is overridden', () => {
    const config = loadConfig({ TANDEM_DATA_DIR: '/srv/tandem' }, { dataDir: '/srv/other' });
    expect(config.sqliteFile).toBe(path.join('/srv/other', 'tandem.sqlite'));
    expect(config.uploadDir).toBe(path.join('/srv/other', 'uploads'));
    expect(loadConfig({}, { dataDir: '/srv/other', uploadDir: '/mnt/files' }).uploadDir).toBe('/mnt/files');
  });

  it('keeps the demo apart: its own database and uploads, SQLite always, and this machine only unless HOST is set', () => {
    const env = { TANDEM_DATA_DIR: '/srv/tandem', DATABASE_URL: 'postgres://db.example.org/tandem' };
    const demo = loadDemoConfig(env);
    expect(demo.dataDir).toBe(path.join('/srv/tandem', 'demo'));
    expect(demo.sqliteFile).toBe(path.join('/srv/tandem', 'demo', 'tandem.sqlite'));
    expect(demo.uploadDir).toBe(path.join('/srv/tandem', 'demo', 'uploads'));
    expect(demo.databaseUrl).toBeUndefined();
    expect(demo.host).toBe('127.0.0.1');
    expect(loadDemoConfig({ ...env, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig(env).host).toBe('0.0.0.0');
  });
});
