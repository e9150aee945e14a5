import { currentTime } from '../cli/clock.ts';
import { forAudience, type Audience } from '../core/audience.ts';
import { loadRepository } from '../core/load-repository.ts';
import type { StatusModel } from '../core/model.ts';
import { readRepository } from '../core/read-repository.ts';
import { buildSiteIndex, type SiteIndex } from './site-index.ts';

export interface SiteData {
  /** The model as this build's audience may see it. */
  model: StatusModel;
  now: Date;
  audience: Audience;
}

let cached: Promise<SiteData> | undefined;

/**
 * The model every page renders, loaded once per build from the repository the build runs in.
 * scripts/build.ts has already refused to build when it has errors.
 */
export function siteData(): Promise<SiteData> {
  cached ??= (async () => {
    const root = process.env.CANDOR_ROOT ?? process.cwd();
    const now = currentTime();
    const { model } = loadRepository(await readRepository(root), { now });
    if (!model) throw new Error('components.yaml could not be read; run `npm run check` to see why.');
    const audience: Audience = process.env.CANDOR_AUDIENCE === 'internal' ? 'internal' : 'public';
    return { model: forAudience(model, audience), now, audience };
  })();
  return cached;
}

let index: Promise<SiteIndex> | undefined;

/** The derived indexes every page reads, computed once per build. */
export function siteIndex(): Promise<SiteIndex> {
  index ??= siteData().then(({ model, now, audience }) => buildSiteIndex(model, now, audience));
  return index;
}
