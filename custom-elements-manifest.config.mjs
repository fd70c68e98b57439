// `cem analyze` (run by `npm run build`): the custom-elements manifest of the
// public element, written to dist/custom-elements.json.
export default {
  globs: ['src/customer-register.ts', 'src/customer-register.component.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // Internal reactive state is declared with `state: true` in `static properties`;
      // it is not an attribute of the element, so it stays out of the manifest.
      name: 'drop-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            const privateFields = new Set(
              (declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
            );
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((attribute) => !privateFields.has(attribute.fieldName));
            }
          }
        }
      },
    },
  ],
};
