/**
 * A QR code as inline SVG: one path of dark modules on a white square with
 * the quiet zone scanners need (white also in the dark theme). No image, no
 * innerHTML: it renders under a strict CSP with Trusted Types.
 */
import { svg } from 'lit';

/** Modules of white border around the code (the QR specification's quiet zone). */
const QUIET_ZONE = 4;

/** The path of the dark modules: one rectangle per run of dark modules in a row. */
export function qrPath(modules: boolean[][]): string {
  let path = '';
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return path;
}

export function renderQrCode(modules: boolean[][], label: string) {
  const size = modules.length + 2 * QUIET_ZONE;
  return svg`
    <svg class="qr" part="qr-code" role="img" aria-label=${label} viewBox="${-QUIET_ZONE} ${-QUIET_ZONE} ${size} ${size}" shape-rendering="crispEdges">
      <rect x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${size} height=${size} fill="#fff"></rect>
      <path d=${qrPath(modules)} fill="#000"></path>
    </svg>
  `;
}
