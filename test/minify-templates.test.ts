// The build's template shrinking (build/minify-templates.mjs), checked with the
// browser's own parsers: the shrunk text must parse to exactly what the source
// parses to. (test/dist-loader.test.ts checks the real stylesheets in dist/.)
import { expect } from '@open-wc/testing';
// @ts-expect-error: a plain ES module of the build, without type declarations.
import { minifyCss, minifyMarkup } from '../build/minify-templates.mjs';

const rules = (text: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText);
};

describe('minify-templates (build plugin)', () => {
  it('shrinks CSS without changing a single parsed rule, strings, url() and comments included', () => {
    const source = `
      /* the visitor's choice: "light" or 'dark' */
      :host([theme='dark']) > .a ,  .b:not(.c) .d {
        color : red ;
        margin: calc(1px + 2px)  0;
      }
      .e::before { content: ' a ; /* not a comment */ b: c '; }
      .f { background: url( "data:image/svg+xml;x: y" ); font-family: "A  B", sans-serif; }
      @media (prefers-reduced-motion: reduce) { .g { animation-duration: 2.4s; } }
      .h { --gap: 0.5rem; padding: 0.5rem 0.75rem; opacity: 0.7; inline-size: 10.5px; margin: -0.5rem; transform: scale(0.9, 0.8) }
      a/**/b { x: y }
    `;
    const small = minifyCss(source) as string;
    expect(small.length).to.be.lessThan(source.length * 0.75);
    expect(small).not.to.include('visitor');
    expect(small).to.include("' a ; /* not a comment */ b: c '");
    expect(rules(small)).to.deep.equal(rules(source));
    // (`a/**/b` is not a valid selector, with or without the comment: the parser drops it both times.)
    expect(rules(small)).to.have.length(5);
    // A number's leading zero goes; 10.5 and the minus sign's stay.
    expect(small).to.include('--gap:0.5rem;padding:.5rem .75rem;opacity:.7;inline-size:10.5px;margin:-0.5rem;transform:scale(.9,.8)');
  });

  it('collapses line breaks in markup to one space and leaves one-line spacing alone', () => {
    const source = `
      <form part="form">
        <label for="x">Name</label>
        <input id="x" class="a
          b" />
        <span>one</span> <span>two</span>
      </form>`;
    const small = minifyMarkup(source) as string;
    expect(small).not.to.match(/\n/);
    expect(small).to.include('<span>one</span> <span>two</span>');
    const parse = (html: string) => {
      const template = document.createElement('template');
      template.innerHTML = html;
      const form = template.content.querySelector('form')!;
      return { text: form.textContent!.replace(/\s+/g, ' ').trim(), classes: form.querySelector('input')!.className.split(/\s+/) };
    };
    expect(parse(small)).to.deep.equal(parse(source));
  });
});
