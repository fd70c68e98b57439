/**
 * Each provider's mark on its button: a small, self-drawn glyph in the
 * provider's colour (decorative: the button's text names the provider).
 * Inline SVG, so no image request and nothing a strict CSP would block.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { ThirdPartyProvider } from '../core/gateway/contract.js';

const mark = (content: SVGTemplateResult) =>
  svg`<svg class="mark" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${content}</svg>`;

export const PROVIDER_MARKS: Readonly<Record<ThirdPartyProvider, SVGTemplateResult>> = {
  google: mark(svg`
    <path fill="#4285F4" d="M21.6 12.2c0-.7-.1-1.4-.2-2H12v3.8h5.4a4.6 4.6 0 0 1-2 3v2.5h3.2c1.9-1.7 3-4.3 3-7.3z"/>
    <path fill="#34A853" d="M12 22c2.7 0 5-.9 6.6-2.4l-3.2-2.5c-.9.6-2 1-3.4 1-2.6 0-4.8-1.8-5.6-4.1H3.1v2.6A10 10 0 0 0 12 22z"/>
    <path fill="#FBBC05" d="M6.4 14a6 6 0 0 1 0-4V7.4H3.1a10 10 0 0 0 0 9.2L6.4 14z"/>
    <path fill="#EA4335" d="M12 6c1.5 0 2.8.5 3.8 1.5l2.9-2.9A10 10 0 0 0 3.1 7.4L6.4 10C7.2 7.7 9.4 6 12 6z"/>`),
  facebook: mark(svg`
    <circle cx="12" cy="12" r="10" fill="#1877F2"/>
    <path fill="#fff" d="M13.2 22v-7.1h2.4l.4-2.8h-2.8v-1.8c0-.8.2-1.4 1.4-1.4H16V6.4a20 20 0 0 0-2.2-.1c-2.2 0-3.7 1.3-3.7 3.8v2.1H7.7v2.8h2.4V22z"/>`),
  twitter: mark(svg`
    <path fill="currentColor" d="M17.8 3h3l-6.6 7.6L22 21h-6.1l-4.8-6.3L5.6 21h-3l7.1-8.1L2.3 3h6.2l4.3 5.7L17.8 3zm-1 16.2h1.7L7.3 4.7H5.5l11.3 14.5z"/>`),
  telegram: mark(svg`
    <circle cx="12" cy="12" r="10" fill="#27A7E7"/>
    <path fill="#fff" d="M6.2 11.8l10-3.9c.5-.2.9.1.7.9l-1.7 8c-.1.6-.5.7-1 .4l-2.6-1.9-1.3 1.2c-.1.1-.3.3-.6.3l.2-2.7 4.8-4.4c.2-.2 0-.3-.3-.1l-6 3.8-2.6-.8c-.6-.2-.6-.6.1-.8z"/>`),
  apple: mark(svg`
    <path fill="currentColor" d="M16.4 12.6c0-2.4 2-3.5 2-3.6a4.3 4.3 0 0 0-3.4-1.8c-1.4-.2-2.8.8-3.5.8s-1.8-.8-3-.8a4.5 4.5 0 0 0-3.8 2.3c-1.6 2.8-.4 7 1.2 9.3.8 1.1 1.7 2.4 2.9 2.3 1.2 0 1.6-.7 3-.7s1.8.7 3 .7c1.3 0 2-1.1 2.8-2.3.9-1.3 1.2-2.5 1.3-2.6 0 0-2.5-1-2.5-3.6zM14.1 5.5c.6-.8 1.1-1.9 1-3a4.3 4.3 0 0 0-2.9 1.5 4 4 0 0 0-1 2.9c1.1.1 2.2-.6 2.9-1.4z"/>`),
  // A fox's head of flat facets, symmetric, in MetaMask's oranges with dark eyes.
  metamask: mark(svg`
    <path fill="#F6851B" d="M2.5 2.5 10 7.5h4l7.5-5-1.3 7 1.3 4-2 6-4.5-1-1.5 2.5h-3L9 18.5l-4.5 1-2-6 1.3-4z"/>
    <path fill="#E2761B" d="M2.5 2.5 10 7.5l-3.5 3-2.7-1zM21.5 2.5 14 7.5l3.5 3 2.7-1z"/>
    <path fill="#CD6116" d="M4.5 19.5 9 18.5 6.5 15zM19.5 19.5 15 18.5l2.5-3.5z"/>
    <path fill="#E4D6C8" d="M9 18.5 10.5 21h3l1.5-2.5-3-1.5z"/>
    <path fill="#233447" d="M7.2 12.4 10.6 13l-1.9 1.5zM16.8 12.4 13.4 13l1.9 1.5zM11 16.6h2l-1 1z"/>`),
};
