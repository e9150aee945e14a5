import { rssFeed } from '../../../../feeds/rss.ts';
import { componentEndpoint, componentPaths } from '../../api/_endpoint.ts';

export const getStaticPaths = componentPaths;
export const GET = componentEndpoint('rss', rssFeed);
