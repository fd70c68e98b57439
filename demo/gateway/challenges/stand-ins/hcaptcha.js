// Stand-in for hCaptcha's browser script (js.hcaptcha.com/1/api.js), served by the reference
// gateway: the same `window.hcaptcha` (render, execute with `{ async: true }`, reset, remove,
// getResponse), render parameters and callbacks, and tokens in its shape (`P1_…`), which the
// gateway checks as it would check hCaptcha's. Behaviour: the gateway's /__dev/captcha setting.
(() => {
  const src = new URL(document.currentScript.src);
  const issueUrl = `${src.origin}/__captcha/hcaptcha/issue`;
  const widgets = new Map();
  let nextId = 0;
  const call = (fn, ...args) => typeof fn === 'function' && fn(...args);

  function challenge(widget) {
    const { params } = widget;
    return new Promise((resolve, reject) => {
      const fail = (code) => {
        call(params[code === 'challenge-closed' ? 'close-callback' : 'error-callback'], code);
        reject(code);
      };
      fetch(issueUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sitekey: params.sitekey, action: '' }) })
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
        .then(({ mode, token }) => {
          const deliver = () => {
            widget.container.replaceChildren();
            widget.token = token;
            call(params.callback, token);
            resolve({ response: token, key: 'E0_stand-in' });
          };
          if (mode === 'pass') return deliver();
          // The challenge opens (for an invisible widget, as a puzzle the person must solve).
          call(params['open-callback']);
          const panel = document.createElement('div');
          panel.dataset.standIn = 'hcaptcha';
          panel.style.border = '1px solid #999';
          panel.style.padding = '8px';
          const solve = document.createElement('button');
          solve.type = 'button';
          solve.dataset.standInCheckbox = '';
          solve.textContent = `Select all images with a bus (${params.hl ?? 'auto'})`;
          solve.addEventListener('click', () => (mode === 'interactive' ? deliver() : fail('challenge-error')));
          const close = document.createElement('button');
          close.type = 'button';
          close.dataset.standInClose = '';
          close.textContent = '×';
          close.addEventListener('click', () => {
            widget.container.replaceChildren();
            fail('challenge-closed');
          });
          panel.append(solve, close);
          widget.container.replaceChildren(panel);
        })
        .catch(() => fail('network-error'));
    });
  }

  window.hcaptcha = {
    render(container, params = {}) {
      const element = typeof container === 'string' ? document.getElementById(container) : container;
      if (!element || !params.sitekey) throw new Error('[hCaptcha] invalid container or sitekey');
      const id = String(nextId++);
      widgets.set(id, { id, container: element, params, token: '' });
      return id;
    },
    execute(id, options) {
      const widget = widgets.get(String(id ?? '0'));
      const pending = challenge(widget);
      if (options?.async) return pending;
      pending.catch(() => {});
      return undefined;
    },
    reset(id) {
      const widget = widgets.get(String(id ?? '0'));
      if (widget) widget.token = '';
    },
    remove(id) {
      const widget = widgets.get(String(id ?? '0'));
      widget?.container.replaceChildren();
      widgets.delete(String(id ?? '0'));
    },
    getResponse: (id) => widgets.get(String(id ?? '0'))?.token ?? '',
  };
  const onload = src.searchParams.get('onload');
  if (onload) call(window[onload]);
})();
