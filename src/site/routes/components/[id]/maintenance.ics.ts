import { maintenanceCalendar } from '../../../../feeds/ics.ts';
import { componentEndpoint, componentPaths } from '../../api/_endpoint.ts';

export const getStaticPaths = componentPaths;
export const GET = componentEndpoint('calendar', maintenanceCalendar);
