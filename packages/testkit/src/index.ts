export type { GoldenItem } from './golden.js';
export { testGoldenSamples } from './golden.js';
export type { TestReadmeOptions } from './readme.js';
export { testReadme } from './readme.js';
export type { TestRecomputeOptions } from './recompute.js';
export { testRecompute } from './recompute.js';
export type { TestScenarioOptions } from './test-scenario.js';
export { testScenario } from './test-scenario.js';
