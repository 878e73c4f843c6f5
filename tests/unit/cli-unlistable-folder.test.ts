import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Issue #17, defect 4: a --library folder the CLI may not list printed "internal error: EACCES". As root every
// folder can be listed, so the refusal is simulated: readdir fails as it does for another user's private folder.
const locked = mkdtempSync(join(tmpdir(), 'cc-locked-'));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    readdir: async (path: Parameters<typeof real.readdir>[0]) => {
      if (String(path) === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${locked}'`), { code: 'EACCES' });
      return real.readdir(path);
    },
  };
});

describe('a --library folder the CLI cannot list', () => {
  it('gets one line naming the folder and why, and exit 1', async () => {
    const { runCli } = await import('../helpers/cli');
    const { sourcePath } = await import('../helpers/fixtures');
    const { code, err } = await runCli(['match', sourcePath('czech-china-apt31-foreign-ministry'), '--library', locked]);
    expect(code).toBe(1);
    expect(err).not.toMatch(/internal error/);
    expect(err).toContain(`${locked}: the folder cannot be listed (EACCES)`);
  });
});
