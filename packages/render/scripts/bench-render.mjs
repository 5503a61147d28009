// Times drawing, SVG writing and rasterizing of a 512×512 maze-like image with about 1,000
// rects, the size the pipeline must render well above 100 times a second.
// Usage (after npm run build): node scripts/bench-render.mjs [count]
import { createPen, getTheme, rasterize, renderImage, toSvg } from '../dist/index.js';

const count = Number(process.argv[2] ?? 300);

function drawMaze(variant) {
  const pen = createPen({ width: 512, height: 512, theme: getTheme('light') });
  for (let row = 0; row < 32; row++) {
    for (let column = 0; column < 32; column++) {
      const horizontal = (row * 31 + column * 17 + variant) % 3 === 0;
      const id = `wall-${row}-${column}`;
      if (horizontal) pen.rect(column * 16, row * 16, 16, 2, { fill: '#1f2328' }, { id });
      else pen.rect(column * 16, row * 16, 2, 16, { fill: '#1f2328' }, { id });
    }
  }
  pen.text(8, 504, 'Start', { baseline: 'bottom' });
  pen.text(504, 8, 'Goal', { anchor: 'end', baseline: 'top' });
  return pen;
}

async function time(label, step) {
  for (let i = 0; i < 20; i++) step(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    step(i);
    // Lets resvg's finalizers free native memory, as a real pipeline's I/O would.
    if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / count;
  console.log(`${label.padEnd(34)} ${ms.toFixed(2)} ms  (${(1000 / ms).toFixed(0)}/s on one thread)`);
}

const pen = drawMaze(0);
const crispSvg = toSvg(pen);
const sketchSvg = toSvg(pen, { style: 'sketch' });
console.log(`${pen.shapes.length} shapes; SVG ${crispSvg.length} bytes crisp, ${sketchSvg.length} bytes sketch`);
await time('draw', (i) => drawMaze(i));
await time('toSvg crisp', () => toSvg(pen));
await time('rasterize crisp', () => rasterize(crispSvg));
await time('draw + renderImage crisp', (i) => renderImage(drawMaze(i)));
await time('toSvg sketch', () => toSvg(pen, { style: 'sketch' }));
await time('rasterize sketch', () => rasterize(sketchSvg));
await time('draw + renderImage sketch', (i) => renderImage(drawMaze(i), { style: 'sketch' }));
