// The `type-text` test command: types text key by key as a person would, in
// every engine. @web/test-runner's own `sendKeys({ type })` sends WebDriver
// all key-downs first and then all key-ups, so WebKit drops a key repeated in a
// row ("aa" types "a"); here each key goes down and up before the next.
export function keyboardPlugin() {
  return {
    name: 'type-text',
    async executeCommand({ command, payload, session }) {
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
