// Demo page glue: shows the dev inbox of the reference gateway and the events
// the element fires. Everything is written with textContent: the page runs
// under Trusted Types too.
import { localProviderEndpoints } from './local-identity-providers.js';

const GATEWAY = 'http://127.0.0.1:8787';
const inbox = document.getElementById('inbox');
const inboxEmpty = document.getElementById('inbox-empty');
const events = document.getElementById('events');

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
  events.prepend(item({ text: 'registered, customerNo' }, { text: event.detail.customerNo, strong: true }));
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

// The real identity providers cannot be reached from here: the reference
// gateway plays them (its consent pages ask who to sign in as).
const localIdentityProviders = localProviderEndpoints(GATEWAY);
for (const element of document.querySelectorAll('customer-register')) element.providerEndpoints = localIdentityProviders;
