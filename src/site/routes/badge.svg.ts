import { pageBadge } from '../../feeds/badge.ts';
import { endpoint } from './api/_endpoint.ts';

export const GET = endpoint('svg', pageBadge);
