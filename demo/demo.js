// Demo page glue: shows the dev inbox of the reference gateway and the events
// the element fires. Everything is written with textContent: the page runs
// under Trusted Types too.
import { localProviderEndpoints } from './local-identity-providers.js';

const GATEWAY = 'http://127.0.0.1:8787';

/** One titled section of the dev panel, with a live list (and an optional line below it). */
function panelSection(id, title, note) {
  const section = document.createElement('section');
  section.setAttribute('aria-labelledby', `${id}-title`);
  const heading = document.createElement('h2');
  heading.id = `${id}-title`;
  heading.textContent = title;
  const list = document.createElement('ol');
  list.id = id;
  list.setAttribute('aria-live', 'polite');
  section.append(heading, list);
  let line;
  if (note) {
    line = document.createElement('p');
    line.id = `${id}-empty`;
    line.textContent = note;
    section.append(line);
  }
  document.getElementById('dev-panel').append(section);
  return { list, line };
}

const { list: inbox, line: inboxEmpty } = panelSection('inbox', 'Dev inbox', 'No code sent yet.');
const { list: events, line: eventsEmpty } = panelSection('events', 'Events on the page', 'None yet: they appear here as the element fires them.');
// The first event replaces the empty-list line.
new MutationObserver(() => (eventsEmpty.hidden = events.childElementCount > 0)).observe(events, { childList: true });

function item(...parts) {
  const li = document.createElement('li');
  for (const part of parts) {
    const node = document.createElement(part.strong ? 'code' : 'span');
    node.textContent = part.text;
    li.append(node, ' ');
  }
  return li;
}

let lastInbox = '';
async function refreshInbox() {
  try {
    const response = await fetch(`${GATEWAY}/__dev/inbox?companyId=demo`);
    const entries = await response.json();
    const signature = JSON.stringify(entries);
    if (signature === lastInbox) return;
    lastInbox = signature;
    inbox.replaceChildren(...entries.map((e) => item({ text: `${e.channel} to ${e.to}:` }, { text: e.code, strong: true })));
    inboxEmpty.hidden = entries.length > 0;
  } catch {
    inboxEmpty.textContent = 'The reference gateway is not reachable (is `npm start` running?).';
  }
}
setInterval(refreshInbox, 1500);
refreshInbox();

document.addEventListener('registered', (event) => {
  const { customerNo, customer } = event.detail;
  const entry = item({ text: 'registered, customerNo' }, { text: customerNo, strong: true });
  // The whole detail the site gets, not only the number.
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'event.detail.customer';
  const body = document.createElement('pre');
  body.textContent = JSON.stringify(customer, null, 2);
  details.append(summary, body);
  entry.append(details);
  events.prepend(entry);
});
document.addEventListener('account-exists', (event) => {
  const { method, loginName, loginUrl } = event.detail;
  events.prepend(item({ text: `account-exists: ${method} ${loginName}${loginUrl ? ` -> ${loginUrl}` : ' (no login-url)'}` }));
});
document.addEventListener('step-change', (event) => {
  events.prepend(item({ text: `step-change: ${event.detail.step} (${event.detail.method})` }));
});
document.addEventListener('register-error', (event) => {
  events.prepend(item({ text: `register-error: ${event.detail.code} on ${event.detail.call ?? '-'}` }));
});

// The language picker of the demo page: the element switches live, keeping its step and input.
const languagePicker = document.getElementById('demo-lang');
languagePicker?.addEventListener('change', () => {
  document.getElementById('demo-embed')?.setAttribute('lang', languagePicker.value);
});

// The challenge on code send: the reference gateway's /__dev/captcha for the demo's company,
// chosen in the page's URL (?captcha=turnstile&widget=interactive) so a reload keeps it. The
// element asks for the company's challenge once per visit, so a change reloads the page.
const captchaPicker = document.getElementById('demo-captcha');
const widgetPicker = document.getElementById('demo-captcha-widget');
const chosen = new URLSearchParams(location.search);
if (captchaPicker && widgetPicker) {
  captchaPicker.value = chosen.get('captcha') ?? '';
  widgetPicker.value = chosen.get('widget') ?? 'interactive';
  const provider = captchaPicker.value || null;
  const widget = widgetPicker.value;
  const setting = widget === 'blocked' ? { blocked: [provider], fallback: provider === 'hcaptcha' ? 'turnstile' : 'hcaptcha' } : { widget };
  fetch(`${GATEWAY}/__dev/captcha`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyId: 'demo', provider, ...setting }),
  }).catch(() => {});
  const reload = () => {
    const query = new URLSearchParams(location.search);
    query.set('captcha', captchaPicker.value);
    query.set('widget', widgetPicker.value);
    location.search = query.toString();
  };
  captchaPicker.addEventListener('change', reload);
  widgetPicker.addEventListener('change', reload);
}

// The real identity providers cannot be reached from here: the reference
// gateway plays them (its consent pages ask who to sign in as).
const localIdentityProviders = localProviderEndpoints(GATEWAY);
for (const element of document.querySelectorAll('customer-register')) element.providerEndpoints = localIdentityProviders;
