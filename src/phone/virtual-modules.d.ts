/** intl-tel-input's stylesheet, rewritten for a shadow root by build/iti-styles.mjs. */
declare module 'virtual:iti-styles' {
  const css: string;
  export default css;
}
