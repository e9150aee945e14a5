import type { APIRoute } from 'astro';
import { siteData } from '../data.ts';
import { robotsTxt } from '../indexing.ts';
import { absolute, paths } from '../paths.ts';

export const GET: APIRoute = async ({ site }) => {
  const { audience } = await siteData();
  return new Response(robotsTxt(audience, absolute(site, paths.sitemap())), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
