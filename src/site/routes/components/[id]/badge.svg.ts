import { componentBadge } from '../../../../feeds/badge.ts';
import { componentEndpoint, componentPaths } from '../../api/_endpoint.ts';

export const getStaticPaths = componentPaths;
export const GET = componentEndpoint('svg', componentBadge);
