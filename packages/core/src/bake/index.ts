/** Baking: reading and writing credentials inside PNG and SVG badge images. */
export { bakePng, isPng, unbakePng } from './png.js';
export type { BakedContent } from './png.js';
export { bakeSvg, isSvg, unbakeSvg } from './svg.js';
export { unbake } from './unbake.js';
