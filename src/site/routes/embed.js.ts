import type { APIRoute } from 'astro';
import { candorEmbed } from '../embed.ts';

// The function's own source, compiled to JavaScript with the rest of the site, run where it is included.
export const GET: APIRoute = () =>
  new Response(`(${candorEmbed.toString()})();\n`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
