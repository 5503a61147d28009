export type { TestScenarioOptions } from './test-scenario.js';
export { testScenario } from './test-scenario.js';
