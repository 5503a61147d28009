/** A colour the questions name: a render named colour and its hex. */
export interface Colour {
  name: string;
  hex: string;
}

/**
 * A circular scale: numbered ticks every `major` from `min` to `max`, `minor` − 1 small ticks
 * between neighbouring numbers, drawn clockwise from the compass angle `start` (degrees from
 * straight up) over `sweep` degrees.
 */
export interface DialScale {
  min: number;
  max: number;
  /** The value between two numbered ticks. */
  major: number;
  /** Intervals between two numbered ticks (1: no small ticks). */
  minor: number;
  /** Compass angle of `min`, degrees clockwise from straight up. */
  start: number;
  /** Degrees from `min` to `max`, clockwise. */
  sweep: number;
  /** Decimals of the numbers printed at the numbered ticks. */
  decimals: number;
}

/** A coloured band along a gauge's scale, from one value to another. */
export interface Zone {
  from: number;
  to: number;
  colour: Colour;
  /** What the band means, as the text rendering states it (normal, caution, danger). */
  meaning: string;
}

/** A needle and the value it points at. */
export interface Needle {
  value: number;
  colour: Colour;
  /** What the needle shows when a gauge has two (`front`, `rear`); null for a gauge's only needle. */
  label: string | null;
}

/** The gauges absynth draws, each with its quantity. */
export type GaugeType = 'speedometer' | 'tachometer' | 'fuel' | 'pressure' | 'voltmeter' | 'humidity';

/** A circular gauge: a scale, coloured zones and one or two needles. */
export interface Gauge {
  kind: 'gauge';
  type: GaugeType;
  /** The caption under the dial ("Speed", "Tyre pressure"). */
  title: string;
  /** The unit printed on the face ("km/h", "bar", "×1000 rpm"); the scale's numbers are in it. */
  unit: string;
  /** The unit answers carry ("km/h", "thousand rpm"): the printed one, worded without digits. */
  answerUnit: string;
  scale: DialScale;
  zones: Zone[];
  needles: Needle[];
}

/** How a clock marks its hours. */
export type Numerals = 'arabic' | 'roman' | 'none';

/** An analog 12-hour clock. */
export interface Clock {
  kind: 'clock';
  /** The caption under the face: a city, as on a wall of world clocks. */
  title: string;
  /** The time shown, 0–23 hours; the face shows it on 12 hours. */
  hours: number;
  minutes: number;
  /** Seconds, when the clock has a second hand. */
  seconds: number | null;
  numerals: Numerals;
  /** Minute marks all round, or only the twelve hour marks. */
  ticks: 'minutes' | 'hours';
  /** The hands' shape: plain bars, tapering spikes, or spade-tipped. */
  hands: 'bar' | 'taper' | 'spade';
  /** Part of the day printed under the face ("in the afternoon") so the 24-hour time is known; null when not given. */
  dayPart: 'morning' | 'afternoon' | 'evening' | null;
}

/** One instrument of a dashboard. */
export type Instrument = Gauge | Clock;

/** How the faces are finished. */
export type Finish = 'flat' | 'bezel' | 'shaded';

/** A dashboard: one to four instruments in a grid, and how they are drawn. */
export interface DashboardScene {
  instruments: Instrument[];
  /** Light faces with dark print, or dark faces with light print. */
  face: 'light' | 'dark';
  finish: Finish;
}
