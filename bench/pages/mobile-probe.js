// Injected before any page script in the mobile runs (bench/lib/mobile.mjs,
// page.evaluateOnNewDocument), with the config placeholder below replaced by
// { kind, email, locale }. It is not part of the page's bytes.
//
// Marks (performance.now(), ms since navigation start) in window.__bench.marks:
//   focusable   #email exists, is enabled, laid out, visible, and focus() makes it
//               the shadow root's active element;
//   english     the Send button first shown (laid out, visible) inside lang="en-*";
//   labels      the Send button first shown inside lang=<the page's locale> (and
//               dir="rtl" for a right-to-left one);
//   pressed     kind "send": one frame after focusable, a valid address is put in
//               the field (one input event) and Send is clicked, in one task;
//   listIssued, statusIssued, sendIssued   fetch() of countryList, checkStatus, verifyCodeSend;
//   code        #code laid out and visible (the code step shown);
//   phoneClick, phoneUsable   kind "phone": the phone tab clicked 1 s after the
//               country select is filled; #phone enabled and visible inside
//               intl-tel-input, its selected flag carrying a country class.
// window.__bench.done resolves when the kind's last mark is taken.
(function () {
  var config = BENCH_PROBE_CONFIG;
  var marks = {};
  var resolveDone;
  window.__bench = { marks: marks, done: new Promise(function (resolve) { resolveDone = resolve; }) };
  var now = function () { return performance.now(); };
  var once = function (name) { if (marks[name] === undefined) marks[name] = now(); };

  var originalFetch = window.fetch;
  window.fetch = function (input) {
    var url = String((input && input.url) || input);
    if (/getCountryListByParentCode/.test(url)) once('listIssued');
    else if (/checkStatus/.test(url)) once('statusIssued');
    else if (/verifyCodeSend/.test(url)) once('sendIssued');
    return originalFetch.apply(this, arguments);
  };

  var root;
  var attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function () {
    var shadow = attachShadow.apply(this, arguments);
    if (this.localName === 'customer-register' && !root) {
      root = shadow;
      new MutationObserver(check).observe(shadow, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    return shadow;
  };

  function shown(el) {
    if (!el || !el.isConnected) return false;
    var box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility === 'visible';
  }

  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    resolveDone(marks);
  }

  var pressScheduled = false;
  var phoneScheduled = false;
  function check() {
    if (!root || finished) return;
    var email = root.querySelector('#email');
    if (marks.focusable === undefined && email && !email.disabled && shown(email)) {
      email.focus();
      if (root.activeElement === email) marks.focusable = now();
    }
    var send = root.querySelector('button[type=submit]');
    if (shown(send)) {
      var langHost = send.closest('[lang]');
      var lang = langHost ? langHost.getAttribute('lang') : '';
      if (/^en(-|$)/i.test(lang)) once('english');
      if (config.locale && lang === config.locale) {
        var dirHost = send.closest('[dir]');
        if (config.locale !== 'ar' || (dirHost && dirHost.getAttribute('dir') === 'rtl')) once('labels');
      }
    }
    if (config.kind === 'send') {
      if (marks.focusable !== undefined && !pressScheduled) {
        pressScheduled = true;
        requestAnimationFrame(function () {
          setTimeout(function () {
            var field = root.querySelector('#email');
            field.value = config.email;
            field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            marks.pressed = now();
            root.querySelector('button[type=submit]').click();
          });
        });
      }
      if (shown(root.querySelector('#code'))) {
        once('code');
        finish();
      }
    } else if (config.kind === 'phone') {
      var select = root.querySelector('select#country');
      if (!phoneScheduled && select && !select.disabled && select.options.length > 1) {
        phoneScheduled = true;
        marks.listShown = now();
        setTimeout(function () {
          marks.phoneClick = now();
          root.querySelector('#tab-phone').click();
        }, 1000);
      }
      var phone = root.querySelector('#phone');
      var flag = root.querySelector('.iti__selected-country .iti__flag');
      if (marks.phoneClick !== undefined && phone && !phone.disabled && shown(phone) && phone.closest('.iti') &&
          flag && /\biti__[a-z]{2}\b/.test(flag.className)) {
        once('phoneUsable');
        finish();
      }
    } else if (marks.focusable !== undefined && marks.labels !== undefined) {
      finish();
    }
  }

  // Style changes (adopted sheets, a class) make no mutation of the shadow root: check every frame too.
  (function frame() {
    check();
    if (!finished) requestAnimationFrame(frame);
  })();
})();
