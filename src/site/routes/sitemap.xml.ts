import type { APIRoute } from 'astro';
import { siteIndex } from '../data.ts';
import { sitemapXml } from '../indexing.ts';
import { absolute, paths } from '../paths.ts';
import { listPages } from '../site-index.ts';

export const GET: APIRoute = async ({ site }) => {
  const index = await siteIndex();
  const pages =
    index.audience === 'internal'
      ? []
      : [
          paths.home(),
          paths.history(),
          ...index.history.map((page) => paths.history(page.slug)),
          ...index.all.map((view) => paths.incident(view.incident.id)),
          ...index.model.components.map((c) => paths.component(c.id)),
          ...index.model.components.flatMap((c) =>
            listPages(index.byComponent.get(c.id) ?? []).map((page) =>
              paths.componentHistory(c.id, page.number),
            ),
          ),
          ...[...index.byImpact].flatMap(([impact, views]) =>
            listPages(views).map((page) => paths.impactHistory(impact, page.number)),
          ),
        ];
  return new Response(sitemapXml(pages.map((path) => absolute(site, path))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
