import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../data.ts';
import { hostingHeaders } from '../indexing.ts';

// Astro skips page files whose names start with `_`, so `_headers` is this route's one parameter value.
export const getStaticPaths = (() => [
  { params: { hosting: '_headers' } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { audience } = await siteData();
  return new Response(hostingHeaders(audience, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
