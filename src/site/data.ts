import siteDataModule from 'virtual:candor/site-data';
import { buildSiteIndex, type SiteIndex } from './site-index.ts';
import type { SiteData } from './site-data.ts';

export type { SiteData };

/** The model every page renders, loaded and validated once per build by the integration. */
export function siteData(): Promise<SiteData> {
  return Promise.resolve(siteDataModule);
}

let index: Promise<SiteIndex> | undefined;

/** The derived indexes every page reads, computed once per build. */
export function siteIndex(): Promise<SiteIndex> {
  index ??= siteData().then(({ model, now, audience }) => buildSiteIndex(model, now, audience));
  return index;
}
