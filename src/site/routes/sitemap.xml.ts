import type { APIRoute } from 'astro';
import { siteIndex } from '../data.ts';
import { sitemapXml } from '../indexing.ts';
import { absolute, paths } from '../paths.ts';

export const GET: APIRoute = async ({ site }) => {
  const index = await siteIndex();
  const pages = index.audience === 'internal' ? [] : [
    paths.home(),
    paths.history(),
    ...index.history.map((page) => paths.history(page.slug)),
    ...index.all.map((view) => paths.incident(view.incident.id)),
    ...index.model.components.map((c) => paths.component(c.id)),
  ];
  return new Response(sitemapXml(pages.map((path) => absolute(site, path))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
