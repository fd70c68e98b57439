// The `type-text` test command: types text key by key as a person would, in
// every engine. @web/test-runner's own `sendKeys({ type })` sends WebDriver
// all key-downs first and then all key-ups, so WebKit drops a key repeated in a
// row ("aa" types "a"); here each key goes down and up before the next.
//
// And `bring-to-front`: makes the test's page the one in front, as the page a
// person types into is. Firefox runs two test files in two tabs side by side and
// fires no focus events (focusout, blur) in the one behind: a test of what
// happens when the person leaves a field asks for this first.
export function keyboardPlugin() {
  return {
    name: 'type-text',
    async executeCommand({ command, payload, session }) {
      if (command === 'bring-to-front') {
        const browser = session.browser;
        // WebKit runs one page at a time: it is in front.
        if (browser.type === 'puppeteer' || browser.type === 'playwright') await browser.getPage(session.id).bringToFront();
        return true;
      }
      if (command !== 'type-text') return undefined;
      const text = String(payload?.text ?? '');
      const browser = session.browser;
      if (browser.type === 'webdriver') {
        const keys = browser.driver.action('key');
        for (const char of text) keys.down(char).up(char);
        await keys.perform();
        return true;
      }
      if (browser.type === 'puppeteer' || browser.type === 'playwright') {
        await browser.getPage(session.id).keyboard.type(text);
        return true;
      }
      throw new Error(`type-text is not supported for browser type ${browser.type}`);
    },
  };
}
