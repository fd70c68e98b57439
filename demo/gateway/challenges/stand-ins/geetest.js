// Stand-in for GeeTest v4's browser script (static.geetest.com/v4/gt4.js), served by the
// reference gateway: `initGeetest4({ captchaId, product: 'bind', language }, callback)` hands a
// captcha object with onReady/onSuccess/onFail/onError/onClose, showCaptcha, getValidate (its
// four fields: lot_number, captcha_output, pass_token, gen_time), reset and destroy. The puzzle
// opens over the page (appended to document.body) as GeeTest's own does in bind mode.
(() => {
  const src = new URL(document.currentScript.src);
  const issueUrl = `${src.origin}/__captcha/geetest/issue`;

  window.initGeetest4 = (config, callback) => {
    const handlers = { ready: [], success: [], fail: [], error: [], close: [] };
    const fire = (name, arg) => handlers[name].forEach((fn) => fn(arg));
    let validate = false;
    let popup;
    const closePopup = () => {
      popup?.remove();
      popup = undefined;
    };
    const captcha = {
      onReady: (fn) => (handlers.ready.push(fn), captcha),
      onSuccess: (fn) => (handlers.success.push(fn), captcha),
      onFail: (fn) => (handlers.fail.push(fn), captcha),
      onError: (fn) => (handlers.error.push(fn), captcha),
      onClose: (fn) => (handlers.close.push(fn), captcha),
      getValidate: () => validate,
      reset() {
        validate = false;
        closePopup();
        return captcha;
      },
      destroy() {
        closePopup();
        for (const list of Object.values(handlers)) list.length = 0;
      },
      showCaptcha() {
        fetch(issueUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sitekey: config.captchaId, action: 'verifyCodeSend' }) })
          .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
          .then(({ mode, token }) => {
            const succeed = () => {
              closePopup();
              validate = Object.fromEntries(new URLSearchParams(token));
              fire('success');
            };
            if (mode === 'pass') return succeed();
            popup = document.createElement('div');
            popup.dataset.standIn = 'geetest';
            popup.style.position = 'fixed';
            popup.style.inset = '30% 10% auto';
            popup.style.background = '#fff';
            popup.style.border = '1px solid #999';
            popup.style.padding = '12px';
            const solve = document.createElement('button');
            solve.type = 'button';
            solve.dataset.standInCheckbox = '';
            solve.textContent = `Slide to complete the puzzle (${config.language ?? 'auto'})`;
            solve.addEventListener('click', () => {
              if (mode === 'interactive') return succeed();
              closePopup();
              fire('fail', { code: '60002', msg: 'verify failed' });
            });
            const close = document.createElement('button');
            close.type = 'button';
            close.dataset.standInClose = '';
            close.textContent = '×';
            close.addEventListener('click', () => {
              closePopup();
              fire('close');
            });
            popup.append(solve, close);
            document.body.append(popup);
          })
          .catch(() => fire('error', { code: '60500', msg: 'network error' }));
        return captcha;
      },
    };
    callback(captcha);
    queueMicrotask(() => fire('ready'));
  };
})();
