import type { APIRoute, GetStaticPaths } from 'astro';
import { FAVICON_TONES, faviconSvg } from '../../status-shapes.ts';
import { MEDIA_TYPES } from '../api/_endpoint.ts';

/** One favicon per state; each page links the one of the state it was built in. */
export const getStaticPaths = (() =>
  FAVICON_TONES.map((tone) => ({ params: { tone } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(faviconSvg(params.tone as (typeof FAVICON_TONES)[number]), {
    headers: { 'Content-Type': MEDIA_TYPES.svg },
  });
