// Which screen is shown. The app has no URLs to share, so a small state object is enough.
import type { FilterQuery } from './api';

export type Route =
  // `scope` names the organisation or person a filter from the directory narrows to.
  | { screen: 'activities'; filter?: FilterQuery; scope?: string }
  | { screen: 'activity'; id: string }
  | { screen: 'form'; id?: string; duplicateOf?: string; kind?: string; prefill?: Record<string, unknown> }
  | { screen: 'calendar' }
  | { screen: 'directory' }
  | { screen: 'dashboard' }
  | { screen: 'reports' }
  // `open` names a file handed to the app (a bundle, a sheet) that the screen opens at once.
  | { screen: 'sync'; open?: string }
  | { screen: 'data'; open?: string }
  | { screen: 'settings' }
  | { screen: 'about' };

export type Section = 'activities' | 'calendar' | 'directory' | 'dashboard' | 'reports' | 'sync' | 'data' | 'settings';

let current = $state<Route>({ screen: 'activities' });

export const router = {
  get route(): Route {
    return current;
  },
  go(route: Route) {
    current = route;
  },
  /** The sidebar entry a screen belongs to. */
  get section(): Section {
    const s = current.screen;
    return s === 'activity' || s === 'form' ? 'activities' : s === 'about' ? 'settings' : s;
  },
};
