import { answer, defineTask, lettered, listing, type Rng } from '@absynth/core';
import { adjacency, ancestry, childrenOf, commonSuperior, degrees, descendantCount, distancesFrom, shortestPaths } from './solve.js';
import { cities, departments, firstNames, modules, surnames } from './data.js';
import { graphIds, markClasses } from './draw.js';
import type { GraphFamily, GraphNode, GraphScene } from './scene.js';

/** What each family of graph is, as a multiple-choice option. */
export const familyDescriptions: Record<GraphFamily, string> = {
  organisation: 'an organisation chart',
  'research-group': 'a research group hierarchy',
  'family-tree': 'a family tree',
  'city-network': 'a network of cities with distances',
  'social-network': 'a social network of people',
  'dependency-graph': 'a dependency graph of software modules',
};


function label(scene: GraphScene, id: string): string {
  return scene.nodes.find((n) => n.id === id)?.label ?? id;
}

function twoNodes(rng: Rng, scene: GraphScene): [GraphNode, GraphNode] {
  const [a, b] = rng.sample(scene.nodes, 2);
  return [a as GraphNode, b as GraphNode];
}

/** What kind of figure the image shows, as a multiple choice. */
export const figureTypeTask = defineTask({
  id: 'figure-type',
  kind: 'structural',
  summary: 'What kind of figure the image shows (organisation chart, family tree, city network…), as a choice of A–D.',
  ask(scene: GraphScene, rng) {
    const right = familyDescriptions[scene.family];
    const others = rng.sample(
      Object.values(familyDescriptions).filter((d) => d !== right),
      3,
    );
    const choice = lettered(rng.shuffle([right, ...others]), right);
    return {
      question: [`What kind of figure is this? Choose one: ${choice.listed}.`],
      answer: choice.answer,
      rationale: [`The title reads "${scene.title}" and the figure ${scene.tree ? 'branches out from one node into a hierarchy' : 'links its nodes as a network'}, so it is ${right}.`],
      regions: [graphIds.title],
      needs: { texts: [graphIds.title] },
    };
  },
});

/** The fill colour of a node. */
export const nodeColourTask = defineTask({
  id: 'node-colour',
  kind: 'colour',
  summary: 'The fill colour of a named node.',
  ask(scene: GraphScene, rng) {
    const node = rng.pick(scene.nodes);
    return {
      question: [`What colour is the node labelled "${node.label}"?`, `Which colour fills the "${node.label}" node?`],
      answer: answer.text(node.colour.name),
      rationale: [`The node "${node.label}" is filled in ${node.colour.name}.`],
      regions: [graphIds.node(node.id)],
      needs: { texts: [graphIds.node(node.id)], colours: [{ name: node.colour.name, hex: node.colour.hex, region: graphIds.node(node.id) }] },
    };
  },
});

/** Labels of the same kind that are not in the graph, for "does node X exist" questions. */
function decoys(scene: GraphScene): string[] {
  const present = new Set(scene.nodes.map((n) => n.label));
  const pool: readonly string[] =
    scene.family === 'organisation'
      ? Object.values(departments).flat()
      : scene.family === 'city-network'
        ? cities
        : scene.family === 'dependency-graph'
          ? modules
          : scene.family === 'research-group'
            ? surnames.filter((s) => !scene.nodes.some((n) => n.label.endsWith(` ${s}`))).map((s, i) => `${firstNames[i % firstNames.length]} ${s}`)
            : firstNames;
  return pool.filter((l) => !present.has(l));
}

/** Whether a node with a given label is in the graph. */
export const nodeExistsTask = defineTask({
  id: 'node-exists',
  kind: 'structural',
  summary: 'Whether a node with a given label appears in the figure (half the time a label of the same kind that does not).',
  ask(scene: GraphScene, rng) {
    const absent = decoys(scene);
    const present = rng.bool(0.5) || absent.length === 0;
    const text = present ? rng.pick(scene.nodes).label : rng.pick(absent);
    return {
      question: [`Is there a node labelled "${text}" in the figure? Answer yes or no.`, `Does the figure contain a node named "${text}"? Answer yes or no.`],
      answer: answer.boolean(present),
      rationale: [present ? `A node labelled "${text}" is drawn.` : `The nodes are ${listing(scene.nodes.map((n) => `"${n.label}"`))}; "${text}" is not among them.`],
      regions: present ? [graphIds.node(scene.nodes.find((n) => n.label === text)?.id ?? '')] : [],
      // Absent, the answer rests on every node's label.
      needs: { texts: present ? [graphIds.node(scene.nodes.find((n) => n.label === text)?.id ?? '')] : scene.nodes.map((n) => graphIds.node(n.id)) },
    };
  },
});

/** The outlines nodes are drawn with, as a reader names them. */
const shapeNames: Record<GraphNode['shape'], string> = {
  box: 'rectangle with square corners',
  rounded: 'rectangle with rounded corners',
  ellipse: 'ellipse (oval)',
  hexagon: 'hexagon',
};

/** The outline of a named node, as a choice of the four outlines. */
export const nodeShapeTask = defineTask({
  id: 'node-shape',
  kind: 'perception',
  summary: 'The outline of a named node (square-cornered or rounded rectangle, ellipse, hexagon), as a choice of A–D.',
  ask(scene: GraphScene, rng) {
    const node = rng.pick(scene.nodes);
    const choice = lettered(rng.shuffle(Object.values(shapeNames)), shapeNames[node.shape]);
    return {
      question: [`What shape is the node labelled "${node.label}"? Choose one: ${choice.listed}.`],
      answer: choice.answer,
      rationale: [`The label "${node.label}" is drawn inside ${node.shape === 'ellipse' ? 'an' : 'a'} ${shapeNames[node.shape]}.`],
      regions: [graphIds.node(node.id)],
      needs: { texts: [graphIds.node(node.id)] },
    };
  },
});

/** How many nodes are filled in a colour. */
export const colourCountTask = defineTask({
  id: 'colour-count',
  kind: 'colour',
  summary: 'How many nodes are filled in a named colour (in trees, one colour per level).',
  ask(scene: GraphScene, rng) {
    const names = [...new Set(scene.nodes.map((n) => n.colour.name))];
    const name = rng.pick(names);
    const matching = scene.nodes.filter((n) => n.colour.name === name);
    return {
      question: [`How many nodes are filled in ${name}?`, `Count the ${name} nodes in the figure.`],
      answer: answer.integer(matching.length),
      rationale: [matching.length === 1 ? `The only ${name} node is "${matching[0]?.label}": 1.` : `The ${name} nodes are ${listing(matching.map((n) => `"${n.label}"`))}: ${matching.length}.`],
      regions: matching.map((n) => graphIds.node(n.id)),
      needs: {
        counts: markClasses.fill(name),
        texts: matching.map((n) => graphIds.node(n.id)),
        // Every counted node shows the colour, far from the fill of every other node.
        colours: matching.map((n) => ({ name, hex: n.colour.hex, region: graphIds.node(n.id), among: markClasses.node })),
      },
    };
  },
});

/** How many nodes or edges the figure has. */
export const countTask = defineTask({
  id: 'count',
  kind: 'structural',
  summary: 'How many nodes, or how many edges (lines or arrows), the figure has.',
  ask(scene: GraphScene, rng) {
    if (rng.bool(0.5)) {
      return {
        question: ['How many nodes does the figure have?', 'Count the nodes in the figure.'],
        answer: answer.integer(scene.nodes.length),
        rationale: [`The nodes are ${listing(scene.nodes.map((n) => n.label))}: ${scene.nodes.length} in all.`],
        regions: scene.nodes.map((n) => graphIds.node(n.id)),
        needs: { counts: markClasses.node },
      };
    }
    const noun = scene.directed ? 'arrows' : 'lines (edges)';
    return {
      question: [`How many ${noun} connect the nodes of the figure?`, `Count the ${noun} between nodes in the figure.`],
      answer: answer.integer(scene.edges.length),
      rationale: [
        `The ${noun} join ${listing(scene.edges.map((e) => `${label(scene, e.from)}–${label(scene, e.to)}`))}: ${scene.edges.length} in all.`,
      ],
      regions: scene.edges.map((_, i) => graphIds.edge(i)),
      needs: { counts: markClasses.edge },
    };
  },
});

/** Trees: children of a node, everything under it, or the leaves. */
export const treeCountTask = defineTask({
  id: 'tree-count',
  kind: 'math-reasoning',
  summary: 'Trees: how many nodes are directly below a node, how many are under it at any depth, or how many nodes have none below them.',
  ask(scene: GraphScene, rng) {
    if (!scene.tree) return undefined;
    const children = childrenOf(scene);
    const inner = scene.nodes.filter((n) => (children.get(n.id) ?? []).length > 0);
    const what = rng.pick(['children', 'under', 'leaves'] as const);
    if (what === 'leaves') {
      const leaves = scene.nodes.filter((n) => (children.get(n.id) ?? []).length === 0);
      return {
        question: ['How many nodes have no node below them?', 'How many nodes are at the ends of the branches (with nothing below them)?'],
        answer: answer.integer(leaves.length),
        rationale: [`The nodes with nothing below them are ${listing(leaves.map((n) => n.label))}: ${leaves.length}.`],
        regions: leaves.map((n) => graphIds.node(n.id)),
        needs: { texts: leaves.map((n) => graphIds.node(n.id)), counts: markClasses.leaf },
      };
    }
    const node = rng.pick(inner);
    const direct = children.get(node.id) ?? [];
    if (what === 'children') {
      return {
        question: [`How many nodes are directly below "${node.label}"?`, `How many nodes does "${node.label}" connect to one level down?`],
        answer: answer.integer(direct.length),
        rationale: [`Directly below "${node.label}" ${direct.length === 1 ? 'is' : 'are'} ${listing(direct.map((id) => label(scene, id)))}: ${direct.length}.`],
        regions: [graphIds.node(node.id), ...direct.map(graphIds.node)],
        needs: { texts: [graphIds.node(node.id), ...direct.map(graphIds.node)], counts: markClasses.childOf(node.id) },
      };
    }
    const count = descendantCount(scene, node.id);
    const grand = direct.map((id) => `${label(scene, id)} (${descendantCount(scene, id)} below it)`);
    return {
      question: [`How many nodes are under "${node.label}", at any depth?`, `Counting every level below it, how many nodes does "${node.label}" have under it?`],
      answer: answer.integer(count),
      rationale: [`Directly below "${node.label}" ${direct.length === 1 ? 'is' : 'are'} ${listing(grand)}.`, `So ${direct.length} + ${count - direct.length} = ${count} ${count === 1 ? 'node is' : 'nodes are'} under it.`],
      regions: [graphIds.node(node.id)],
      needs: {
        texts: [graphIds.node(node.id), ...direct.map(graphIds.node)],
        counts: markClasses.under(node.id),
        // The nodes under each child, and those directly below, are counted in the drawing; the rest is their sum.
        tallies: [{ class: markClasses.childOf(node.id), count: direct.length }, ...direct.map((id) => ({ class: markClasses.under(id), count: descendantCount(scene, id) }))],
        derived: [count - direct.length],
      },
    };
  },
});

/** The length or weight of the shortest path between two nodes, and the path when it is unique. */
export const shortestPathTask = defineTask({
  id: 'shortest-path',
  kind: 'reasoning',
  summary: 'The shortest path between two nodes: its number of steps, or its total distance on weighted graphs; the path itself (a list of nodes) when it is unique.',
  ask(scene: GraphScene, rng) {
    if (scene.tree) return undefined;
    const [a, b] = twoNodes(rng, scene);
    const dist = distancesFrom(scene, a.id).get(b.id);
    if (dist === undefined || dist < 2 && !scene.weighted) return undefined;
    const paths = shortestPaths(scene, a.id, b.id);
    const follow = scene.directed ? ' following the arrows' : '';
    // Directed graphs lead with "Following the arrows," so the condition does not split the question.
    const lead = (question: string) => (scene.directed ? `Following the arrows, ${question[0]?.toLowerCase()}${question.slice(1)}` : question);
    const path = (paths[0] ?? []).map((id) => label(scene, id));
    const regions = (paths[0] ?? []).map(graphIds.node);
    // The two nodes quoted and the path's nodes; on weighted graphs every weight, as finding the
    // shortest route means comparing them. The distance or number of steps is computed from them.
    const texts = [...new Set([graphIds.node(a.id), graphIds.node(b.id), ...regions])];
    const needs = { texts: scene.weighted ? [...texts, ...scene.edges.map((_, i) => graphIds.weight(i))] : texts, derived: [dist] };
    if (paths.length === 1 && rng.bool(0.4)) {
      return {
        question: [lead(`Which nodes does the shortest path from "${a.label}" to "${b.label}" pass through? List them in order, from "${a.label}" to "${b.label}".`)],
        answer: answer.list(path, { ordered: true }),
        rationale: [`The shortest path${follow} is ${path.join(' → ')}${scene.weighted ? `, ${dist} in total` : `, ${dist} steps`}; no other path is as short.`],
        regions,
        needs,
      };
    }
    if (scene.weighted) {
      const legs = (paths[0] ?? []).slice(1).map((id, i) => {
        const from = (paths[0] ?? [])[i] as string;
        const edge = scene.edges.find((e) => (e.from === from && e.to === id) || (!scene.directed && e.from === id && e.to === from));
        return edge?.weight ?? 0;
      });
      return {
        question: [lead(`What is the shortest total distance from "${a.label}" to "${b.label}"?`), `Adding the numbers on the edges, how short is the shortest route from "${a.label}" to "${b.label}"${follow}?`],
        answer: answer.integer(dist),
        rationale: [`The shortest route is ${path.join(' → ')}.`, legs.length === 1 ? `Its one edge is ${dist}.` : `${legs.join(' + ')} = ${dist}.`],
        regions,
        needs,
      };
    }
    return {
      question: [lead(`How many edges does the shortest path from "${a.label}" to "${b.label}" have?`), lead(`What is the smallest number of steps from "${a.label}" to "${b.label}"?`)],
      answer: answer.integer(dist),
      rationale: [`A shortest path is ${path.join(' → ')}: ${dist} steps.`],
      regions,
      needs,
    };
  },
});

/** The node with the most direct neighbours, asked only when it is unique. */
export const mostConnectedTask = defineTask({
  id: 'most-connected',
  kind: 'reasoning',
  summary: 'The node with the most direct neighbours (lines or arrows in either direction), asked only when one node has the most.',
  ask(scene: GraphScene) {
    const degree = degrees(scene);
    const ranked = scene.nodes.map((n) => ({ n, d: degree.get(n.id) ?? 0 })).sort((x, y) => y.d - x.d);
    const [first, second] = ranked;
    if (first === undefined || second === undefined || first.d === second.d) return undefined;
    return {
      question: ['Which node is connected directly to the most other nodes?', 'Which node has the most direct connections?'],
      answer: answer.text(first.n.label),
      rationale: [`"${first.n.label}" has ${first.d} direct connections; the next most is "${second.n.label}" with ${second.d}.`],
      regions: [graphIds.node(first.n.id)],
      // Both degrees are counted in the drawing: the lines or arrows at each node.
      needs: {
        texts: [graphIds.node(first.n.id), graphIds.node(second.n.id)],
        tallies: [
          { class: markClasses.at(first.n.id), count: first.d },
          { class: markClasses.at(second.n.id), count: second.d },
        ],
      },
    };
  },
});

/** Directed networks: whether one node can be reached from another along the arrows. */
export const reachableTask = defineTask({
  id: 'reachable',
  kind: 'reasoning',
  summary: 'Directed networks: whether one node can be reached from another by following the arrows.',
  ask(scene: GraphScene, rng) {
    if (!scene.directed || scene.tree) return undefined;
    const [a, b] = twoNodes(rng, scene);
    const reach = distancesFrom(scene, a.id, false);
    const yes = reach.has(b.id);
    const path = yes ? (shortestPaths(scene, a.id, b.id, false)[0] ?? []).map((id) => label(scene, id)) : [];
    const out = adjacency(scene);
    const named = yes ? (shortestPaths(scene, a.id, b.id, false)[0] ?? []) : [...reach.keys()];
    return {
      question: [`Following the arrows, can you get from "${a.label}" to "${b.label}"? Answer yes or no.`],
      answer: answer.boolean(yes),
      rationale: [
        yes
          ? `Yes: ${path.join(' → ')}.`
          : `From "${a.label}" the arrows lead only to ${listing([...reach.keys()].filter((id) => id !== a.id).map((id) => label(scene, id))) || 'nothing'}${(out.get(a.id) ?? []).length === 0 ? ' (no arrow leaves it)' : ''}, and "${b.label}" is not among them.`,
      ],
      regions: [graphIds.node(a.id), graphIds.node(b.id)],
      needs: { texts: [...new Set([a.id, b.id, ...named])].map(graphIds.node) },
    };
  },
});

/** Trees: the lowest node above two given nodes. */
export const commonSuperiorTask = defineTask({
  id: 'common-superior',
  kind: 'reasoning',
  summary: 'Trees: the closest node above both of two nodes (their lowest common superior), neither being above the other.',
  ask(scene: GraphScene, rng) {
    if (!scene.tree) return undefined;
    const [a, b] = twoNodes(rng, scene);
    // Only for two nodes neither of which is above the other.
    if (ancestry(scene, a.id).includes(b.id) || ancestry(scene, b.id).includes(a.id)) return undefined;
    const common = commonSuperior(scene, a.id, b.id);
    if (common === undefined) return undefined;
    const noun = scene.family === 'family-tree' ? 'ancestor' : 'superior';
    return {
      question: [`Which node is the closest common ${noun} of "${a.label}" and "${b.label}"?`, `Going up the tree, which is the first node above both "${a.label}" and "${b.label}"?`],
      answer: answer.text(label(scene, common)),
      rationale: [`Above "${a.label}" and "${b.label}" the branches first meet at "${label(scene, common)}".`],
      regions: [graphIds.node(a.id), graphIds.node(b.id), graphIds.node(common)],
      needs: { texts: [graphIds.node(a.id), graphIds.node(b.id), graphIds.node(common)] },
    };
  },
});

/** Every relation-graph task, in the order questions are asked. */
export const graphTasks = [
  figureTypeTask,
  nodeColourTask,
  nodeShapeTask,
  colourCountTask,
  nodeExistsTask,
  countTask,
  treeCountTask,
  shortestPathTask,
  mostConnectedTask,
  reachableTask,
  commonSuperiorTask,
] as const;
