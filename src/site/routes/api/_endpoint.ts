import type { APIRoute, GetStaticPaths } from 'astro';
import type { Component, StatusModel } from '../../../core/model.ts';
import { siteData } from '../../data.ts';

/**
 * The glue every feed, calendar, badge and API file shares: load the build's model view, render it
 * with a pure function from src/feeds, serve it with its media type.
 */
export const MEDIA_TYPES = {
  json: 'application/json; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  calendar: 'text/calendar; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
} as const;

type Media = keyof typeof MEDIA_TYPES;

export function endpoint(
  media: Media,
  render: (model: StatusModel, now: Date) => string | object,
): APIRoute {
  return async () => {
    const { model, now } = await siteData();
    return respond(media, render(model, now));
  };
}

/** One file per component, at `components/<id>/...`. */
export const componentPaths = (async () => {
  const { model } = await siteData();
  return model.components.map((component) => ({
    params: { id: component.id },
    props: { component },
  }));
}) satisfies GetStaticPaths;

export function componentEndpoint(
  media: Media,
  render: (model: StatusModel, now: Date, component: Component) => string,
): APIRoute<{ component: Component }> {
  return async ({ props }) => {
    const { model, now } = await siteData();
    return respond(media, render(model, now, props.component));
  };
}

function respond(media: Media, body: string | object): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    headers: { 'Content-Type': MEDIA_TYPES[media] },
  });
}
