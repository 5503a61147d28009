// The Graphviz baseline the graphs and flowcharts benchmarks share (see harness.mjs): Debian's
// graphviz, driven by bench/graphs-graphviz.py, which runs `dot -Tpng` once per image.
export const graphviz = {
  name: 'Graphviz',
  script: 'graphs-graphviz.py',
  apt: 'graphviz',
  check: ['dot', '-V'],
  how: 'dot -Tpng, one process per image; writing the DOT and running dot only, pool start-up excluded',
};
