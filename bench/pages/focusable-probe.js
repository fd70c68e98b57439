// Records window.__focusable = performance.now() (ms since navigation start) as
// soon as <customer-register>'s e-mail field exists in its shadow root and is
// not disabled. It checks on every mutation of the document and of the shadow
// root (so the moment Lit renders is caught, not the next frame), when the
// element is defined, and on every animation frame as a fallback.
// It is the first script of bench/pages/ours.html, so it also records when the
// page could first run a script at all (window.__firstScript): what comes
// before that is the browser's, not the widget's.
window.__firstScript = performance.now();
(function () {
  var done = false;
  var observers = [];
  var watched = null;

  function observe(target, options) {
    var observer = new MutationObserver(check);
    observer.observe(target, options);
    observers.push(observer);
  }

  function check() {
    if (done) return;
    var host = document.querySelector('customer-register');
    var root = host && host.shadowRoot;
    if (root && root !== watched) {
      watched = root;
      observe(root, { childList: true, subtree: true, attributes: true });
    }
    var input = root && root.querySelector('#email');
    if (input && !input.disabled) {
      done = true;
      window.__focusable = performance.now();
      observers.forEach(function (observer) { observer.disconnect(); });
    }
  }

  observe(document, { childList: true, subtree: true });
  customElements.whenDefined('customer-register').then(check);
  (function frame() {
    check();
    if (!done) requestAnimationFrame(frame);
  })();
})();
