/**
 * The page's Web Storage, or null where merely reading it throws
 * (sandboxed frames, storage blocked by the browser): then nothing is
 * remembered, and nothing else changes.
 */
export function pageStorage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}
