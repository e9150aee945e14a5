import { maintenanceCalendar } from '../../feeds/ics.ts';
import { endpoint } from './api/_endpoint.ts';

export const GET = endpoint('calendar', maintenanceCalendar);
