import type { dashboards } from './dashboard/scenario.js';

export { dashboards } from './dashboard/scenario.js';
export type { DashboardParams } from './dashboard/params.js';
export type { Clock, Colour, DashboardScene, DialScale, Finish, Gauge, GaugeType, Instrument, Needle, Numerals, Zone } from './dashboard/scene.js';
export { dashboardText } from './dashboard/text.js';
export { gaugeKinds, gaugeTypes } from './dashboard/sample.js';

declare module '@absynth/core' {
  interface ScenarioRegistry {
    dashboards: typeof dashboards;
  }
}
