/**
 * The classic-script loader (`<script src=".../customer-register.iife.js">`) for
 * pages that cannot use `type="module"`: it imports the ES module entry next to
 * itself, which then finds its lazy chunks relative to its own URL, so the
 * whole dist/ folder can sit on any path.
 */
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
import(new URL('customer-register.js', base).href).catch((error: unknown) =>
  console.error('<customer-register>: could not load customer-register.js next to the loader', error),
);
