// Web Storage as a cross-site frame with third-party storage blocked has it
// (Chromium's incognito, Safari): merely reading it throws. Loaded before the element.
for (const kind of ['localStorage', 'sessionStorage']) {
  Object.defineProperty(window, kind, {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}
