import { describe, expect, it } from 'vitest';
import { loadRepository } from '../src/core/load-repository.ts';
import { readRepository } from '../src/core/read-repository.ts';
import { activeIncidents, componentStatuses, pageStatus, upcomingMaintenance } from '../src/core/status.ts';

const now = new Date('2026-11-23T12:00:00Z');

describe('the example repository', () => {
  it('validates without errors or warnings', async () => {
    const { model, diagnostics } = loadRepository(await readRepository(process.cwd()), { now });
    expect(diagnostics).toEqual([]);
    expect(model?.components.length).toBeGreaterThanOrEqual(8);
    expect(new Set(model?.components.map((c) => c.group)).size).toBe(3);
  });

  it('shows the ongoing incident and the upcoming maintenance', async () => {
    const { model } = loadRepository(await readRepository(process.cwd()), { now });
    expect(activeIncidents(model!, now).map((i) => i.id)).toEqual(['2026-11-23-api-errors']);
    expect(upcomingMaintenance(model!, now).map((i) => i.id)).toEqual(['2026-12-05-database-maintenance']);
    expect(componentStatuses(model!, now).get('api')).toBe('degraded_performance');
    expect(pageStatus(model!, now)).toEqual({ indicator: 'major', description: 'Partial System Outage' });
  });
});
