// Opened in an iframe on another origin than the test page (127.0.0.1 instead of
// localhost): calls the reference gateway and reports to the parent whether the
// browser let it read the answer.
const gateway = new URLSearchParams(location.search).get('gateway');
fetch(`${gateway}/api/config.app.AppDictDubboService.getCountryListByParentCode`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', version: '0.0.1', companyId: 'cors', trace: crypto.randomUUID(), lang: 'en-US' },
  body: JSON.stringify({ parentCode: '-1' }),
})
  .then((response) => parent.postMessage({ readable: true, status: response.status }, '*'))
  .catch((error) => parent.postMessage({ readable: false, error: String(error) }, '*'));
