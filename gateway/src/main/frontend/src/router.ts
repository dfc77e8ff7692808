import type { SafeHtml } from './html';
import type { Dictionary } from './i18n';

/**
 * A hash router: "#/ayuda/proceso" → route "/ayuda" with section "proceso".
 * Only hashes starting with "#/" are routes, so plain in-page anchors never navigate.
 */
export interface RouteContext {
  /** The part after the route's path, e.g. a section id; empty when absent. */
  section: string;
}

export interface Route {
  path: string;
  title(d: Dictionary): string;
  render(d: Dictionary, context: RouteContext): SafeHtml;
  /** The section is the page's input (an id), not a place in it: another one renders the page again. */
  sectionIsInput?: boolean;
  /** Wires behaviour after the markup is in place. */
  mounted?(root: HTMLElement, context: RouteContext): void;
}

export interface Match {
  route: Route;
  context: RouteContext;
}

export function currentPath(): string {
  const hash = window.location.hash;
  if (!hash.startsWith('#/')) return '/';
  return hash.slice(1).split('?')[0] ?? '/';
}

export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

export function match(routes: readonly Route[], path: string): Match | null {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const route of routes) {
    if (normalised === route.path) return { route, context: { section: '' } };
    if (route.path !== '/' && normalised.startsWith(route.path + '/')) {
      return { route, context: { section: decodeURIComponent(normalised.slice(route.path.length + 1)) } };
    }
  }
  return null;
}

/** The href of a route, for links: `href('/ayuda', 'proceso')` → "#/ayuda/proceso". */
export function href(path: string, section?: string): string {
  return '#' + path + (section ? '/' + encodeURIComponent(section) : '');
}
