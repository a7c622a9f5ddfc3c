/**
 * Whether the user asked the system for less motion (`prefers-reduced-motion: reduce`, WCAG 2.3.3),
 * kept current when the setting changes. The console then opens dialogs, popovers and charts without
 * their animations (e2e/a11y.test.ts checks a dialog both ways).
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function query(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(QUERY)
    : null;
}

function subscribe(onChange: () => void): () => void {
  const mq = query();
  mq?.addEventListener('change', onChange);
  return () => mq?.removeEventListener('change', onChange);
}

export function prefersReducedMotion(): boolean {
  return query()?.matches ?? false;
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
