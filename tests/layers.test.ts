import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './candor-bin.ts';

const DEPCRUISE = join(PROJECT_ROOT, 'node_modules/.bin/depcruise');
const CONFIG = join(PROJECT_ROOT, '.dependency-cruiser.cjs');

/** The layer rules of .dependency-cruiser.cjs on the `src` folder under `cwd`: exit code and one line per violation. */
async function cruise(cwd: string): Promise<{ code: number; violations: string[] }> {
  try {
    await promisify(execFile)(DEPCRUISE, ['--config', CONFIG, '--output-type', 'err', 'src'], {
      cwd,
    });
    return { code: 0, violations: [] };
  } catch (cause) {
    const failed = cause as { code: number; stdout: string };
    return {
      code: failed.code,
      violations: failed.stdout
        .split('\n')
        .filter((line) => line.trim().startsWith('error '))
        .map((line) => line.trim()),
    };
  }
}

describe('the layer rules', () => {
  it('refuse an import against the flow, type-only imports included', async () => {
    const { code, violations } = await cruise(join(PROJECT_ROOT, 'tests/fixtures/layers'));
    expect(code).not.toBe(0);
    expect(violations.sort()).toEqual([
      'error core-imports-nothing-outward: src/core/model.ts → src/cli/main.ts',
      'error nothing-imports-the-cli: src/core/model.ts → src/cli/main.ts',
      'error site-imports-core-and-shared-only: src/site/page.ts → src/notify/notice.ts',
    ]);
  });

  it("hold for Candor's own source", async () => {
    expect(await cruise(PROJECT_ROOT)).toEqual({ code: 0, violations: [] });
  });
});
