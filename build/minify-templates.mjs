// Rollup plugin: shrinks the text of our Lit `html`, `svg` and `css` tagged
// templates. Terser leaves template literals alone, so without this the
// indentation of every template and the comments in our stylesheets ship to
// the browser and are scanned by Lit on first render.
//
// Only transformations that cannot change what renders:
// - html/svg: a run of whitespace that holds a line break becomes one space
//   (HTML collapses such a run to one space anyway; no template of ours is
//   inside <pre>/<textarea> or under `white-space: pre`);
// - css: outside quoted strings and url(...), comments go, whitespace runs
//   become one space, and the space next to `{ } ; , >` and after a
//   declaration's `:` goes (a selector's `:` is never followed by a space), as
//   does the `;` before `}`, and a number's leading zero (`0.5rem` is `.5rem`;
//   not in a custom property, whose value is kept as written).
// It runs after esbuild (the code is JavaScript by then) on our own modules only.
import MagicString from 'magic-string';

const TAGS = new Set(['html', 'svg', 'css']);

export function minifyMarkup(raw) {
  return raw.replace(/[ \t]*[\r\n]\s*/g, ' ');
}

// Comments, quoted strings and url(...), matched in one left-to-right scan, so
// a quote inside a comment or a comment marker inside a string is read right.
const CSS_TOKENS = /(\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|url\([^)]*\))/;

const NAME_CHAR = /[\w\u0080-\uffff-]/;

export function minifyCss(raw) {
  // First the comments go. A comment separates tokens without being
  // whitespace (`a/**/b` is not `a b`, nor `ab`), so one between two name
  // characters stays as an empty comment; next to whitespace it becomes a space.
  const parts = raw.split(CSS_TOKENS);
  const uncommented = parts
    .map((part, i) => {
      if (!(i % 2) || !part.startsWith('/*')) return part;
      const before = parts[i - 1].slice(-1);
      const after = parts[i + 1].charAt(0);
      if (/\s/.test(before) || /\s/.test(after)) return ' ';
      return NAME_CHAR.test(before) && NAME_CHAR.test(after) ? '/**/' : '';
    })
    .join('');
  return uncommented
    .split(CSS_TOKENS)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            // A custom property keeps its value's text as written (it is a token stream, not yet a number).
            .replace(/(--[\w-]+:[^;}]*)|(^|[\s:(,])0\.(\d)/g, (match, custom, before, digit) => custom ?? `${before}.${digit}`),
    )
    .join('');
}

function* taggedTemplates(node) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TAGS.has(node.tag.name)) {
    yield node;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* taggedTemplates(child);
    else if (value && typeof value === 'object' && typeof value.type === 'string') yield* taggedTemplates(value);
  }
}

/** @param {{ include: (id: string) => boolean }} options */
export function minifyTemplates({ include }) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include(id) || !/\b(?:html|svg|css)`/.test(code)) return null;
      const ast = this.parse(code);
      const out = new MagicString(code);
      let changed = false;
      for (const node of taggedTemplates(ast)) {
        const minify = node.tag.name === 'css' ? minifyCss : minifyMarkup;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          if (raw !== quasi.value.raw) {
            this.error(`minify-templates: unexpected template position in ${id} at ${quasi.start}`);
          }
          // A line continuation (backslash, line break) would change meaning; leave such text alone.
          if (/\\\r?\n/.test(raw)) continue;
          const small = minify(raw);
          if (small !== raw) {
            out.overwrite(quasi.start, quasi.end, small);
            changed = true;
          }
        }
      }
      return changed ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
