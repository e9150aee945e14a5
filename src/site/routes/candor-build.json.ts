import type { APIRoute } from 'astro';
import { buildManifest } from '../../core/build-manifest.ts';
import { siteData } from '../data.ts';

/** When this build was made, for `npx candor notify --deployed`. */
export const GET: APIRoute = async () => {
  const { now, audience } = await siteData();
  return new Response(JSON.stringify(buildManifest(now, audience)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
