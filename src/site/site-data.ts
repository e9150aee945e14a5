import type { Audience } from '../core/audience.ts';
import type { StatusModel } from '../core/model.ts';

export interface SiteData {
  /** The model as this build's audience may see it. */
  model: StatusModel;
  now: Date;
  audience: Audience;
}

/**
 * The validated model travels from the integration to the pages inside the build process. Astro
 * renders the pages in the process that ran the integration, so the model is handed over in
 * memory: serialising 10,000 incidents into the bundle would cost the build seconds, and loading
 * the repository a second time in the pages would cost the same again. Symbol.for keeps one slot
 * however many copies of this module the bundler makes.
 */
const SLOT = Symbol.for('candor-status.site-data');

type Slot = { [SLOT]?: SiteData };

export function provideSiteData(data: SiteData): void {
  (globalThis as Slot)[SLOT] = data;
}

export function providedSiteData(): SiteData | undefined {
  return (globalThis as Slot)[SLOT];
}

/** The id the pages import the data by, and the code that module is made of. */
export const SITE_DATA_MODULE = 'virtual:candor/site-data';
export const SITE_DATA_MODULE_CODE = `export default globalThis[Symbol.for('candor-status.site-data')];`;
