/**
 * The demo gallery a newcomer opens first: at 360 px it must fit the screen
 * (long code lines wrap inside their block, so the attribute that makes each
 * example what it is is never cut off), and at 1280 px its code blocks must
 * stay out of the dev-inbox column beside them. The page's own markup and
 * stylesheet are laid out in a frame of each width (without its scripts: the
 * layout is the stylesheet's).
 */
import { expect } from '@open-wc/testing';

async function galleryFrame(width: number): Promise<Document> {
  const markup = (await (await fetch('/demo/gallery.html')).text())
    .replace(/<script[^>]*><\/script>/g, '')
    .replace('href="/demo.css"', 'href="/demo/demo.css"');
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '800px';
  frame.style.border = '0';
  frame.srcdoc = markup;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  // The dev panel is filled in by demo.js; stand in for its widest line.
  doc.getElementById('dev-panel')!.innerHTML =
    '<h2>Dev inbox</h2><ol id="inbox"><li>email to averyverylongmailboxs.abcde@examplemail.com: <code>123456</code></li><li>email to ann@example.com: <code>654321</code></li></ol>' +
    '<h2>Events on the page</h2><ol id="events"><li><span>register-error: VERIFY_CODE_ERROR on (email)</span></li></ol>';
  // No animation frame to wait for (a background tab gets none): reading a box lays the page out.
  return doc;
}

describe('the demo index', () => {
  it('shows its embed as markup to copy, and names every event the element fires', async () => {
    const page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
    const snippet = page.querySelector('.snippet pre')!.textContent!;
    const embed = page.getElementById('demo-embed')!;
    for (const name of ['company-id', 'host', 'providers']) expect(snippet, name).to.contain(`${name}="${embed.getAttribute(name)}"`);
    expect(snippet).to.contain("addEventListener('registered'");
    const script = await (await fetch('/demo/demo.js')).text();
    // (The test server serves the script transformed: either quote.)
    for (const event of ['registered', 'step-change', 'register-error', 'account-exists']) {
      expect(new RegExp(`addEventListener\\(["']${event}["']`).test(script), `demo.js shows ${event}`).to.equal(true);
    }
  });
});

describe('the demo gallery', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('fits a 360 px screen: no sideways scroll, code lines wrap in their block with nothing cut off', async () => {
    const doc = await galleryFrame(360);
    expect(doc.documentElement.scrollWidth).to.be.at.most(360);
    for (const pre of doc.querySelectorAll('pre')) {
      expect(pre.getBoundingClientRect().right).to.be.at.most(360);
      expect(pre.scrollWidth, 'the whole snippet in view, none of it scrolled away').to.be.at.most(pre.clientWidth);
    }
  });

  it('at 1280 px every snippet shows its distinguishing attribute (ux review §4: cut off at the right edge)', async () => {
    const doc = await galleryFrame(1280);
    for (const [example, attribute] of [
      ['example-1', 'lang="zh-CN"'],
      ['example-2', 'theme="dark"'],
      ['example-3', 'country="GB"'],
      ['example-5', 'provider-layout="icons"'],
      ['example-5', 'login-url='],
    ]) {
      const pre = doc.getElementById(example)!.closest('section')!.querySelector('pre')!;
      expect(pre.textContent, example).to.contain(attribute);
      expect(pre.scrollWidth, `${example}: ${attribute} scrolled out of view`).to.be.at.most(pre.clientWidth);
    }
  });

  it('shows the providers as icons with login-url, and an element with theme unset on a dark partner page', async () => {
    const doc = await galleryFrame(1280);
    const icons = doc.querySelector('customer-register[provider-layout="icons"]');
    expect(icons?.getAttribute('login-url')).to.be.a('string');
    const dark = doc.querySelector('.dark-page');
    expect(getComputedStyle(dark!).backgroundColor).to.equal('rgb(18, 20, 23)');
    expect(dark!.querySelector('customer-register')!.hasAttribute('theme')).to.equal(false);
  });

  it('the dev panel: the newest code is marked, and words in it are not split across lines', async () => {
    const doc = await galleryFrame(1280);
    const [newest, older] = doc.querySelectorAll<HTMLElement>('#inbox li');
    const view = doc.defaultView!;
    expect(view.getComputedStyle(newest).backgroundColor).not.to.equal(view.getComputedStyle(older).backgroundColor);
    expect(view.getComputedStyle(newest, '::after').content).to.contain('newest');
    const event = doc.querySelector('#events span')!.firstChild as Text;
    for (const word of ['VERIFY_CODE_ERROR', '(email)']) {
      const range = doc.createRange();
      const start = event.data.indexOf(word);
      range.setStart(event, start);
      range.setEnd(event, start + word.length);
      const tops = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)));
      expect(tops.size, `${word} is split across lines`).to.equal(1);
    }
  });

  it('at 360 px the dev inbox comes before the examples, not at the bottom of the long page (ux review §4)', async () => {
    const doc = await galleryFrame(360);
    const inbox = doc.getElementById('dev-panel')!.getBoundingClientRect();
    const first = doc.querySelector('.example')!.getBoundingClientRect();
    expect(inbox.bottom, 'the inbox above the first example').to.be.at.most(first.top);
  });

  it('at 1280 px the code blocks end before the dev inbox begins', async () => {
    const doc = await galleryFrame(1280);
    expect(doc.documentElement.scrollWidth).to.be.at.most(1280);
    const inbox = doc.getElementById('dev-panel')!.getBoundingClientRect();
    for (const pre of doc.querySelectorAll('pre')) {
      expect(pre.getBoundingClientRect().right, 'code block before the inbox').to.be.at.most(inbox.left);
    }
  });
});
