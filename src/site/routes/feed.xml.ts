import { rssFeed } from '../../feeds/rss.ts';
import { endpoint } from './api/_endpoint.ts';

export const GET = endpoint('rss', rssFeed);
