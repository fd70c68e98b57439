// The e-mail typo suggestion (src/core/flow/email-typo.ts), pure: what it offers and
// what it leaves alone.
import { expect } from '@open-wc/testing';
import { suggestEmail } from '../src/core/flow/email-typo.js';

describe('e-mail typo suggestion (pure)', () => {
  it('offers the provider meant for the common misspellings of the largest mail domains', () => {
    const cases: Record<string, string> = {
      'ann@gmial.com': 'ann@gmail.com',
      'ann@gmai.com': 'ann@gmail.com',
      'ann@gnail.com': 'ann@gmail.com',
      'ann@gmail.con': 'ann@gmail.com',
      'ann@gmail.co': 'ann@gmail.com',
      'ann@hotmial.com': 'ann@hotmail.com',
      'ann@hotmal.com': 'ann@hotmail.com',
      'ann@yaho.com': 'ann@yahoo.com',
      'ann@outlok.com': 'ann@outlook.com',
      'ann@iclod.com': 'ann@icloud.com',
      'Ann.Lee+x@GMIAL.COM': 'Ann.Lee+x@gmail.com',
      'wang@qq.con': 'wang@qq.com',
      'wang@163.cm': 'wang@163.com',
    };
    for (const [typed, meant] of Object.entries(cases)) expect(suggestEmail(typed), typed).to.equal(meant);
  });

  it('corrects a mistyped .com, .net or .org on any domain', () => {
    expect(suggestEmail('ceo@brokerage-partner.con')).to.equal('ceo@brokerage-partner.com');
    expect(suggestEmail('ceo@brokerage-partner.nte')).to.equal('ceo@brokerage-partner.net');
    expect(suggestEmail('ceo@charity.ogr')).to.equal('ceo@charity.org');
  });

  it('leaves alone what looks intended: known providers, other domains, half-typed addresses', () => {
    for (const typed of ['ann@gmail.com', 'ann@yahoo.co.jp', 'ann@proton.me', 'ann@example.com', 'ann@company.co', 'ann@mail.company.de', 'ann@', 'ann', '@gmial.com', 'ann@gm', 'ann@bmw.de']) {
      expect(suggestEmail(typed), typed).to.equal(undefined);
    }
  });
});
