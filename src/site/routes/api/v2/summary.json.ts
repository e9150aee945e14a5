import { summaryResponse } from '../../../../feeds/statuspage-api.ts';
import { endpoint } from '../_endpoint.ts';

export const GET = endpoint('json', summaryResponse);
