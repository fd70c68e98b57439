// Stand-in for Cloudflare Turnstile's browser script (challenges.cloudflare.com/turnstile/v0/api.js),
// served by the reference gateway: the same `window.turnstile` (render, execute, reset, remove,
// getResponse, isExpired, ready), the same render parameters and callbacks, and tokens in its shape
// (`0.…`), which the gateway checks as it would check Cloudflare's (its siteverify, in process).
// How the widget behaves (passes unseen, asks for a click, fails, ...) is the gateway's
// /__dev/captcha setting for the site key's company. No inline style: CSSOM only (strict CSP).
(() => {
  const script = document.currentScript;
  const src = new URL(script.src);
  const issueUrl = `${src.origin}/__captcha/turnstile/issue`;
  const widgets = new Map();
  let nextId = 0;

  const call = (fn, ...args) => typeof fn === 'function' && fn(...args);

  function box(container, text) {
    const node = document.createElement('div');
    node.dataset.standIn = 'turnstile';
    node.style.border = '1px solid #999';
    node.style.padding = '8px';
    node.style.font = '14px sans-serif';
    node.textContent = text;
    container.replaceChildren(node);
    return node;
  }

  function run(widget) {
    const { params } = widget;
    widget.token = '';
    fetch(issueUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sitekey: params.sitekey, action: params.action ?? '' }) })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then(({ mode, token }) => {
        if (widget.removed) return;
        const deliver = () => {
          widget.token = token;
          if (params.appearance !== 'interaction-only') box(widget.container, 'Success!');
          call(params.callback, token);
        };
        if (mode === 'pass') return deliver();
        if (mode === 'fail' || mode === 'close') {
          box(widget.container, 'Verification failed');
          // 600010: "a generic client execution error" (Cloudflare's error codes).
          return call(params['error-callback'], '600010');
        }
        // interactive: the person must click.
        call(params['before-interactive-callback']);
        const node = box(widget.container, '');
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.standInCheckbox = '';
        button.textContent = `Verify you are human (${params.language ?? 'auto'})`;
        button.addEventListener('click', () => {
          call(params['after-interactive-callback']);
          deliver();
        });
        node.append(button);
      })
      .catch(() => call(params['error-callback'], '200500'));
  }

  function widgetOf(ref) {
    if (typeof ref === 'string' && widgets.has(ref)) return widgets.get(ref);
    const container = typeof ref === 'string' ? document.querySelector(ref) : ref;
    return [...widgets.values()].find((w) => w.container === container) ?? [...widgets.values()].at(-1);
  }

  window.turnstile = {
    render(container, params = {}) {
      const element = typeof container === 'string' ? document.querySelector(container) : container;
      if (!element || !params.sitekey) throw new Error('[Cloudflare Turnstile] Invalid render target or sitekey.');
      const id = `cf-chl-widget-${++nextId}`;
      const widget = { id, container: element, params, token: '' };
      widgets.set(id, widget);
      if (params.execution !== 'execute') run(widget);
      return id;
    },
    execute(ref, params) {
      const widget = widgetOf(ref);
      if (params) Object.assign(widget.params, params);
      run(widget);
    },
    reset(ref) {
      const widget = widgetOf(ref);
      if (widget) run(widget);
    },
    remove(ref) {
      const widget = widgetOf(ref);
      if (!widget) return;
      widget.removed = true;
      widget.container.replaceChildren();
      widgets.delete(widget.id);
    },
    getResponse: (ref) => widgetOf(ref)?.token,
    isExpired: () => false,
    ready: (callback) => callback(),
  };
  const onload = src.searchParams.get('onload');
  if (onload) call(window[onload]);
})();
