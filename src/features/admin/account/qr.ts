import { renderSVG } from 'uqr';

/**
 * A QR code of `text` as inline SVG (drawn here: no image from another host), 200 px square,
 * labelled for screen readers. `text` is ours (an otpauth:// URI), never a visitor's.
 */
export function qrSvg(text: string, label: string): string {
  const escaped = label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return renderSVG(text, { border: 2 }).replace('<svg ', `<svg width="200" height="200" role="img" aria-label="${escaped}" `);
}
