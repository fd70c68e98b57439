// The HTML of the identity-provider stand-ins: a consent page and an error
// page. They open as top-level pages in the element's popup, so they must work
// under a strict policy: no script at all, no inline style, nothing from
// another origin (one small stylesheet from the gateway itself), every piece of
// text escaped.

/** The stylesheet the pages link to, served at CONSENT_CSS_PATH. */
export const CONSENT_CSS_PATH = '/__idp/consent.css';
export const CONSENT_CSS = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f3f4f6; color: #111827; }
main { max-width: 26rem; margin: 3rem auto; padding: 1.5rem 1.75rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.12); }
h1 { font-size: 1.25rem; margin: 0 0 0.75rem; }
.client { color: #4b5563; word-break: break-all; }
label { display: block; margin: 0.75rem 0 0.25rem; font-weight: 600; }
input[type="text"], input[type="email"] { box-sizing: border-box; width: 100%; padding: 0.5rem; font: inherit; border: 1px solid #9ca3af; border-radius: 6px; }
.actions { display: flex; flex-direction: row-reverse; justify-content: flex-start; gap: 0.75rem; margin-top: 1.25rem; }
button { font: inherit; padding: 0.5rem 1.1rem; border-radius: 6px; border: 1px solid #6b7280; background: #fff; cursor: pointer; }
button[value="allow"] { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
.error { color: #b91c1c; }
`;

/**
 * The policy sent with the pages. `form-action` must also allow the origin the
 * consent form's answer redirects to: Chromium applies it to the redirect too.
 * @param {string[]} formTargets extra origins the form's POST may end up at
 */
export function pagePolicy(formTargets = []) {
  return [
    "default-src 'none'",
    "style-src 'self'",
    `form-action 'self'${formTargets.map((origin) => ` ${origin}`).join('')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="${CONSENT_CSS_PATH}" />
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>`;
}

/**
 * @param {object} p
 * @param {string} p.providerTitle e.g. "Google"
 * @param {string} p.provider the path segment, e.g. "google"
 * @param {string} p.site the host the user is signing in to
 * @param {string} p.clientId the requesting app
 * @param {string} p.requestId the pending authorization request
 * @param {{ name: string, email: string }} p.user the prefilled identity
 * @param {boolean} p.asksEmail whether this provider shares an e-mail address
 */
export function consentPage({ providerTitle, provider, site, clientId, requestId, user, asksEmail }) {
  const email = asksEmail
    ? `        <label for="email">Email</label>
        <input id="email" name="email" type="email" value="${escapeHtml(user.email)}" autocomplete="off" />\n`
    : '';
  return page(
    `Sign in with ${providerTitle}`,
    `      <h1>Sign in with ${escapeHtml(providerTitle)}</h1>
      <p><strong>${escapeHtml(site)}</strong> wants to know who you are.</p>
      <p class="client">Client: ${escapeHtml(clientId)}</p>
      <p>This is a local stand-in for ${escapeHtml(providerTitle)}: nothing leaves this computer.</p>
      <form method="post" action="/__idp/${escapeHtml(provider)}/consent">
        <input type="hidden" name="request" value="${escapeHtml(requestId)}" />
        <label for="name">Name</label>
        <input id="name" name="name" type="text" value="${escapeHtml(user.name)}" required autocomplete="off" />
${email}        <!-- Continue comes first so that Enter in a field continues (the first submit button); CSS shows it on the right. -->
        <div class="actions">
          <button type="submit" name="decision" value="allow">Continue</button>
          <button type="submit" name="decision" value="deny" formnovalidate>Cancel</button>
        </div>
      </form>`,
  );
}

/** @param {string} providerTitle @param {string} message */
export function errorPage(providerTitle, message) {
  return page(
    `${providerTitle}: error`,
    `      <h1>${escapeHtml(providerTitle)}</h1>
      <p class="error">${escapeHtml(message)}</p>
      <p>The request could not be handled. Close this window and try again.</p>`,
  );
}
