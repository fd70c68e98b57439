// Stand-in for Google reCAPTCHA v3 (www.google.com/recaptcha/api.js?render=SITE_KEY) and
// reCAPTCHA Enterprise (…/recaptcha/enterprise.js?render=SITE_KEY), served by the reference
// gateway: `grecaptcha.ready` and `grecaptcha.execute(siteKey, { action })` (under
// `grecaptcha.enterprise` for Enterprise), answering a token in its shape (`03A…`). Never seen:
// v3 scores the visit, and the gateway's siteverify says whether the score passes.
(() => {
  const src = new URL(document.currentScript.src);
  const enterprise = src.pathname.endsWith('/enterprise.js');
  const provider = enterprise ? 'recaptcha-enterprise' : 'recaptcha';
  const issueUrl = `${src.origin}/__captcha/${provider}/issue`;
  const renderKey = src.searchParams.get('render');

  const api = {
    ready: (callback) => queueMicrotask(callback),
    execute(siteKey, options = {}) {
      if (siteKey !== renderKey) return Promise.reject(new Error('Invalid site key or not loaded in api.js: ' + siteKey));
      return fetch(issueUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sitekey: siteKey, action: options.action ?? '' }) })
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
        .then(({ token }) => token);
    },
  };
  window.grecaptcha = enterprise ? { ...window.grecaptcha, enterprise: api } : { ...window.grecaptcha, ...api };
})();
