// Module marker for a widget published as an ES module: the page serves this
// file with the ENTRY placeholder (in braces, below) replaced by the widget's module URL. It imports the
// widget and records when its evaluation ended (ms since navigation start).
import '{{ENTRY}}';

window.__evaluated = performance.now();
