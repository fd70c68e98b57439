/**
 * The demo gallery a newcomer opens first: at 360 px it must fit the screen
 * (long code lines scroll inside their block), and at 1280 px its code blocks
 * must stay out of the dev-inbox column beside them. The page's own markup and
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
  doc.getElementById('dev-panel')!.innerHTML = '<h2>Dev inbox</h2><ol><li>email to averyverylongmailboxs.abcde@examplemail.com: <code>123456</code></li></ol>';
  // No animation frame to wait for (a background tab gets none): reading a box lays the page out.
  return doc;
}

describe('the demo gallery', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('fits a 360 px screen: no sideways scroll, code lines scroll in their block', async () => {
    const doc = await galleryFrame(360);
    expect(doc.documentElement.scrollWidth).to.be.at.most(360);
    const pre = doc.querySelector('pre')!;
    expect(pre.getBoundingClientRect().right).to.be.at.most(360);
    expect(pre.scrollWidth, 'the long line is inside the block, scrollable').to.be.greaterThan(pre.clientWidth);
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
