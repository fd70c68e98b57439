/** Colour contrast as WCAG 2 computes it, from computed styles (tests of what a person can read). */
/** The first opaque background colour at or behind `node`, through the shadow root to the page. */
export function backgroundBehind(node: Element): string {
  for (let current: Element | null = node; current; ) {
    const color = getComputedStyle(current).backgroundColor;
    if (parseRgb(color)[3] === 1) return color;
    current = current.parentElement ?? ((current.getRootNode() as ShadowRoot).host ?? null);
  }
  return 'rgb(255, 255, 255)';
}

/** [r, g, b, alpha] of a computed colour (rgb()/rgba(), or color(srgb ...) where color-mix is kept as such). */
function parseRgb(color: string): [number, number, number, number] {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(color);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
  const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, color.startsWith('rgba') ? a : 1];
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = parseRgb(color).slice(0, 3).map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}
