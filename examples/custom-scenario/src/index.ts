export type { Dot, DotsScene } from './dots.js';
export { dots } from './dots.js';
