import type { GeneratedSample } from '@absynth/core';

export function verifyCharts(_sample: GeneratedSample): void {}
