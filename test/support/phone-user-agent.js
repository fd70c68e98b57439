// Makes the page a phone for the element (isMobileDevice: User-Agent Client Hints'
// `mobile`, else the user agent), as a page opened on an Android phone is.
Object.defineProperty(navigator, 'userAgentData', { configurable: true, value: { mobile: true, brands: [], platform: 'Android' } });
Object.defineProperty(navigator, 'userAgent', {
  configurable: true,
  value: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
});
