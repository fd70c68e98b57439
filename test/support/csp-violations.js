// Loaded first by the strict-CSP test page: records every CSP violation
// (including Trusted Types ones) for the test to read. A classic external
// script, since the page's policy forbids inline ones.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`.trim());
});
