// `cem analyze` (run by `npm run build`): the custom-elements manifest of the
// public element, written to dist/custom-elements.json.
import { readFileSync } from 'node:fs';

/** Names declared `{ state: true }` in the element's `static properties`: internal reactive state. */
const stateNames = new Set(
  [...readFileSync('src/element/customer-register.component.ts', 'utf8').matchAll(/^\s+(\w+): \{ state: true \}/gm)].map(([, name]) => name),
);

export default {
  globs: ['src/customer-register.ts', 'src/element/customer-register.component.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // Internal reactive state (`state: true`, some of it shared with the lazy
      // registration chunk and so not private) is not an attribute or an API of
      // the element: it stays out of the manifest.
      name: 'drop-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            const internal = (name) => stateNames.has(name);
            const privateFields = new Set(
              (declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
            );
            if (declaration.members) declaration.members = declaration.members.filter((member) => !internal(member.name));
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter(
                (attribute) => !privateFields.has(attribute.fieldName) && !internal(attribute.fieldName),
              );
            }
          }
        }
      },
    },
  ],
};
