import { formatScaleValue } from './ids.js';
import type { DashboardScene, Instrument } from './scene.js';

const pad = (n: number) => String(n).padStart(2, '0');

function describe(instrument: Instrument, n: number): string {
  if (instrument.kind === 'clock') {
    const { hours, minutes, seconds } = instrument;
    const time = `${hours % 12 || 12}:${pad(minutes)}${seconds === null ? '' : `:${pad(seconds)}`}`;
    const part = instrument.dayPart === null ? '' : ` in the ${instrument.dayPart} (${hours}:${pad(minutes)})`;
    return `Instrument ${n}: clock "${instrument.title}", ${instrument.numerals} numerals, ${instrument.ticks === 'minutes' ? 'minute marks' : 'hour marks only'}, ${instrument.hands} hands${seconds === null ? '' : ', a second hand'}; it shows ${time}${part}.`;
  }
  const { scale, zones, needles } = instrument;
  const f = (v: number) => formatScaleValue(v, scale.decimals);
  const numbered = `numbered every ${scale.major} from ${f(scale.min)} to ${f(scale.max)}`;
  const small = scale.minor === 1 ? 'no small ticks' : `${scale.minor} small intervals between numbers`;
  const bands = zones.length === 0 ? 'no zones' : `zones ${zones.map((z) => `${z.colour.name} ${z.from} to ${z.to} (${z.meaning})`).join(', ')}`;
  const pointers = needles.map((needle) => `${needle.label === null ? 'needle' : `${needle.colour.name} needle "${needle.label}"`} at ${needle.value}`).join(', ');
  return `Instrument ${n}: ${instrument.type} "${instrument.title}", unit "${instrument.unit}", ${numbered}, ${small}, clockwise from ${scale.start}° over ${scale.sweep}°; ${bands}; ${pointers}.`;
}

/** The dashboard as text: one line per instrument with everything the questions need. */
export function dashboardText(scene: DashboardScene): string {
  return [
    `A dashboard of ${scene.instruments.length} instrument${scene.instruments.length === 1 ? '' : 's'}, ${scene.face} faces, ${scene.finish} finish, left to right and top to bottom.`,
    ...scene.instruments.map((instrument, i) => describe(instrument, i + 1)),
  ].join('\n');
}
