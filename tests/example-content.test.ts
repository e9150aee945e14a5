import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../src/core/load-repository.ts';
import { readRepository } from '../src/core/read-repository.ts';
import { loadNotifyConfig } from '../src/notify/load-config.ts';
import { PROJECT_ROOT } from './candor-bin.ts';

const now = new Date('2026-11-23T12:00:00Z');

// The only test that reads the example page at the repository root. A team edits or deletes its
// example incidents, so this checks that whatever is there is valid, and nothing more; every other
// test uses its own copy in tests/fixtures/example-page.
describe('the example status page at the repository root', () => {
  it('validates without errors or warnings, with or without its example incidents', async () => {
    const { model, diagnostics } = loadRepository(await readRepository(PROJECT_ROOT), { now });
    expect(diagnostics).toEqual([]);
    const notify = loadNotifyConfig(
      { path: 'notify.yaml', bytes: await readFile(join(PROJECT_ROOT, 'notify.yaml')) },
      model!.components.map((c) => c.id),
    );
    expect(notify.diagnostics).toEqual([]);
  });
});
