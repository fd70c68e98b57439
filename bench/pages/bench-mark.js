// Classic marker script: placed after a widget's <script src> tags, it runs
// once they have all been evaluated and records that moment (ms since
// navigation start).
window.__evaluated = performance.now();
