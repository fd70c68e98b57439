// Classic marker for blank.html: the last thing in <body>, it records when an
// empty page gets to run a script (ms since navigation start).
window.__baseline = performance.now();
