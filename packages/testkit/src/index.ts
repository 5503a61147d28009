export type { GoldenItem } from './golden.js';
export { testGoldenSamples } from './golden.js';
export type { TestScenarioOptions } from './test-scenario.js';
export { testScenario } from './test-scenario.js';
