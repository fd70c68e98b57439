// One public API, read one way: the element's reactive properties, the
// custom-elements manifest, README's attribute and event tables, the typed
// event map and the React wrapper must name the same attributes, properties
// and events. Runs in Node (`npm test`) against src/, README.md and the built
// dist/custom-elements.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const sorted = (values) => [...new Set(values)].sort();

/** The element's `static properties`: property -> attribute (false for property-only), internal state left out. */
function componentProperties() {
  const source = read('src/element/customer-register.component.ts');
  const block = /static override properties: PropertyDeclarations = \{([\s\S]*?)\n  \};/.exec(source)[1];
  const properties = new Map();
  for (const [, name, options] of block.matchAll(/^\s+(\w+): \{([^}]*)\}/gm)) {
    if (/state: true/.test(options)) continue;
    const attribute = /attribute: '([^']+)'/.exec(options)?.[1] ?? (/attribute: false/.test(options) ? false : name.toLowerCase());
    properties.set(name, attribute);
  }
  return properties;
}

function manifestDeclaration() {
  const manifest = JSON.parse(read('dist/custom-elements.json'));
  return manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'customer-register');
}

/** README's table under `## heading`: each row's cells, backticked names split out. */
function readmeTable(heading) {
  const section = read('README.md').split(/^## /m).find((part) => part.startsWith(heading));
  assert.ok(section, `README.md has a "${heading}" section`);
  return section
    .split('\n')
    .filter((line) => /^\|/.test(line) && !/^[\s|:-]+$/.test(line))
    .slice(1) // the header row
    .map((line) => line.split('|').slice(1, -1).map((cell) => [...cell.matchAll(/`([^`]+)`/g)].map(([, name]) => name)));
}

test('attributes: the element, the manifest and README name the same ones', () => {
  const fromComponent = sorted([...componentProperties().values()].filter(Boolean));
  const fromManifest = sorted(manifestDeclaration().attributes.map((attribute) => attribute.name));
  const fromReadme = sorted(readmeTable('Attributes and properties').flatMap(([attributes]) => attributes).filter((name) => name !== '-'));
  assert.deepEqual(fromManifest, fromComponent, 'manifest vs the element');
  assert.deepEqual(fromReadme, fromComponent, "README's table vs the element");
});

test('properties: README names each by the element\'s property, every one reactive', () => {
  const properties = componentProperties();
  const rows = readmeTable('Attributes and properties');
  const fromReadme = sorted(rows.flatMap(([, names]) => names));
  // The utm row abbreviates its five properties (`utmSource` ...): the rest are named one by one.
  const utm = ['utmMedium', 'utmCampaign', 'utmContent', 'utmTerm'];
  assert.deepEqual(sorted([...fromReadme, ...utm]), sorted([...properties.keys()]), "README's property column vs the element's properties");
  for (const [attributes, names] of rows) {
    attributes.forEach((attribute, index) => {
      const name = names[index] ?? (attribute.startsWith('utm-') ? undefined : names[0]);
      if (name && attribute !== '-') assert.equal(properties.get(name), attribute, `README pairs ${attribute} with ${name}`);
    });
  }
});

test('events: @event, the event map, the React wrapper and README name the same ones', () => {
  const fromManifest = sorted(manifestDeclaration().events.map((event) => event.name));
  const eventMap = /export interface CustomerRegisterEventMap \{([\s\S]*?)\n\}/.exec(read('src/core/embedding/events.ts'))[1];
  const fromEventMap = sorted([...eventMap.matchAll(/^\s+'?([\w-]+)'?: CustomEvent/gm)].map(([, name]) => name));
  const fromReact = sorted([...read('src/react.ts').matchAll(/on\w+: '([\w-]+)' as EventName/g)].map(([, name]) => name));
  const fromReadme = sorted(readmeTable('Events').map(([[name]]) => name));
  assert.ok(fromEventMap.length >= 4);
  assert.deepEqual(fromManifest, fromEventMap, '@event vs the event map');
  assert.deepEqual(fromReact, fromEventMap, 'the React wrapper vs the event map');
  assert.deepEqual(fromReadme, fromEventMap, "README's events table vs the event map");
});
