import type { SeededChoice } from './seeded-choice.js';

/** How the members of a category set relate: nominal (no order), ordered (a sequence) or cyclic (a sequence that wraps, like months). */
export type CategoryOrder = 'nominal' | 'ordered' | 'cyclic';

/** One category set: its members as data, how they are ordered and what a single member is called. */
export interface CategorySet {
  /** The members, in their natural order for ordered and cyclic sets. */
  readonly members: readonly string[];
  /** Whether draws keep a contiguous run (ordered, cyclic) or pick freely (nominal). */
  readonly order: CategoryOrder;
  /** What one member is called, for titles and axis labels ("country", "month"). */
  readonly noun: string;
}

/** First year of the generated `years` set. */
export const firstYear = 1990;
/** Last year of the generated `years` set. */
export const lastYear = 2025;

function yearRange(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** Every category set a topic may name, keyed by its name; topics refer to these names. */
export const categorySets = {
  // Places are fictional: every magnitude the library draws is invented, and an invented value
  // beside a real place (frost days in a tropical city, hydropower of a flat country) teaches a
  // model to distrust the image. Regions are named by direction only, for the same reason.
  countries: {
    order: 'nominal',
    noun: 'country',
    members: [
      'Arvania', 'Belloria', 'Brevonia', 'Calderra', 'Corvania', 'Delmora', 'Dovrenia', 'Elvaria',
      'Estmark', 'Fenwald', 'Galmoria', 'Grendavia', 'Halvoria', 'Istrava', 'Jostrea', 'Kalveria',
      'Kerrovia', 'Lorvania', 'Lunmark', 'Marvessa', 'Mordessa', 'Nestoria', 'Norvale', 'Orvenia',
      'Ostrelia', 'Pellandia', 'Pravonia', 'Quorvia', 'Rellandia', 'Rosmark', 'Sarvenia', 'Sorvania',
      'Tavoria', 'Tessaria', 'Ulvania', 'Valdoria', 'Varnholm', 'Wendoria', 'Westerra', 'Yrvania',
      'Zandoria',
    ],
  },
  cities: {
    order: 'nominal',
    noun: 'city',
    members: [
      'Arlenport', 'Belmaris', 'Brennmoor', 'Caldmoor', 'Corvanne', 'Dellhaven', 'Dunmarrow', 'Elderwick',
      'Eskenford', 'Farrowby', 'Fenmarrow', 'Galdenmoor', 'Greywater', 'Harrowdeen', 'Highmarsh', 'Istenbury',
      'Jorlen', 'Kellsport', 'Kestrelmouth', 'Lindmoor', 'Lowenmere', 'Marrowfield', 'Mistral Bay', 'Nethercombe',
      'Northwold', 'Oakhallow', 'Orlenbrook', 'Pellwick', 'Portmere', 'Quenby Cross', 'Ravenholt', 'Riverend',
      'Saltmere', 'Tarnwick', 'Ulverholm', 'Valecross', 'Westharrow', 'Yarrowdale', 'Zennport', 'Ambervale',
      'Copperhithe',
    ],
  },
  continents: {
    order: 'nominal',
    noun: 'region',
    members: ['Northern region', 'Southern region', 'Eastern region', 'Western region', 'Central region', 'Coastal region'],
  },
  months: {
    order: 'cyclic',
    noun: 'month',
    members: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
  quarters: { order: 'cyclic', noun: 'quarter', members: ['Q1', 'Q2', 'Q3', 'Q4'] },
  weekdays: {
    order: 'cyclic',
    noun: 'day',
    members: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
  hours: {
    order: 'cyclic',
    noun: 'hour',
    members: Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`),
  },
  weeks: {
    order: 'ordered',
    noun: 'week',
    members: Array.from({ length: 20 }, (_, w) => `Week ${w + 1}`),
  },
  years: { order: 'ordered', noun: 'year', members: yearRange(firstYear, lastYear) },
  'age-groups': {
    order: 'ordered',
    noun: 'age group',
    members: ['0–14', '15–24', '25–34', '35–44', '45–54', '55–64', '65–74', '75+'],
  },
  // Adult measures (voting, adult literacy, a marathon's finishing time) have no children's group.
  'adult-age-groups': {
    order: 'ordered',
    noun: 'age group',
    members: ['18–24', '25–34', '35–44', '45–54', '55–64', '65–74', '75+'],
  },
  'income-groups': {
    order: 'ordered',
    noun: 'income group',
    members: ['Lowest 20%', 'Second 20%', 'Middle 20%', 'Fourth 20%', 'Highest 20%'],
  },
  'education-levels': {
    order: 'ordered',
    noun: 'education level',
    members: ['Primary', 'Lower secondary', 'Upper secondary', 'Vocational', 'Bachelor', 'Master', 'Doctorate'],
  },
  products: {
    order: 'nominal',
    noun: 'product',
    members: [
      'Laptops', 'Smartphones', 'Tablets', 'Headphones', 'Cameras', 'Printers', 'Monitors',
      'Televisions', 'Smartwatches', 'Game consoles', 'Bicycles', 'Coffee makers', 'Blenders',
      'Vacuum cleaners', 'Refrigerators', 'Washing machines', 'Sofas', 'Desk chairs', 'Running shoes',
      'Backpacks', 'Sunglasses', 'Books', 'Board games', 'Toasters',
    ],
  },
  sectors: {
    order: 'nominal',
    noun: 'sector',
    members: [
      'Agriculture', 'Mining', 'Manufacturing', 'Construction', 'Energy', 'Retail', 'Transport',
      'Finance', 'Real estate', 'Information technology', 'Health care', 'Education', 'Tourism',
      'Public administration',
    ],
  },
  'energy-sources': {
    order: 'nominal',
    noun: 'source',
    members: ['Coal', 'Natural gas', 'Oil', 'Nuclear', 'Hydro', 'Wind', 'Solar', 'Biomass', 'Geothermal'],
  },
  'transport-modes': {
    order: 'nominal',
    noun: 'mode',
    members: ['Car', 'Bus', 'Train', 'Tram', 'Metro', 'Bicycle', 'Walking', 'Ferry', 'Motorcycle'],
  },
  'school-subjects': {
    order: 'nominal',
    noun: 'subject',
    members: ['Mathematics', 'Reading', 'Science', 'History', 'Geography', 'Art', 'Music', 'Physical education', 'Languages', 'Computing'],
  },
  sports: {
    order: 'nominal',
    noun: 'sport',
    members: ['Football', 'Basketball', 'Tennis', 'Swimming', 'Cycling', 'Athletics', 'Rugby', 'Volleyball', 'Handball', 'Golf', 'Rowing', 'Skiing'],
  },
  teams: {
    order: 'nominal',
    noun: 'team',
    members: [
      'Red Lions', 'Blue Sharks', 'Green Falcons', 'Golden Bears', 'Silver Wolves', 'River Otters',
      'Mountain Goats', 'Harbour Seals', 'Storm Eagles', 'City Rovers', 'Northern Stars', 'Valley Foxes',
    ],
  },
  diseases: {
    order: 'nominal',
    noun: 'condition',
    members: ['Influenza', 'Measles', 'Tuberculosis', 'Malaria', 'Diabetes', 'Asthma', 'Hypertension', 'Heart disease', 'Dengue', 'Hepatitis B'],
  },
  crops: {
    order: 'nominal',
    noun: 'crop',
    members: ['Wheat', 'Maize', 'Rice', 'Soybeans', 'Barley', 'Potatoes', 'Sugar cane', 'Coffee', 'Cocoa', 'Cotton'],
  },
} as const satisfies Record<string, CategorySet>;

/** The name of a category set, such as `countries` or `months`. */
export type CategorySetName = keyof typeof categorySets;

/** All category set names, in a fixed order (used by the schema's enum). */
export const categorySetNames = Object.keys(categorySets) as [CategorySetName, ...CategorySetName[]];

/** A draw of categories from one set: the labels in display order and their positions in the set. */
export interface CategoryDraw {
  /** The set the labels come from. */
  readonly set: CategorySetName;
  /** The drawn labels, in the order a chart or table shows them. */
  readonly labels: readonly string[];
  /** Each label's index in the set's members, used for seasonality and for order. */
  readonly positions: readonly number[];
}

/** Looks up a category set by name. */
export function categorySet(name: CategorySetName): CategorySet {
  return categorySets[name];
}

/** Draws `count` distinct members of a set: a contiguous run for ordered and cyclic sets (no wrap), a free pick for nominal ones. */
export function drawCategories(rng: SeededChoice, name: CategorySetName, count: number): CategoryDraw {
  const set: CategorySet = categorySets[name];
  const size = set.members.length;
  if (!Number.isInteger(count) || count < 1 || count > size) {
    throw new RangeError(`cannot draw ${count} categories from '${name}', which has ${size} members`);
  }
  let positions: number[];
  if (set.order === 'nominal') {
    // Partial Fisher–Yates: the first `count` slots end up a uniform sample without repeats.
    const pool = Array.from({ length: size }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = rng.int(i, size - 1);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    positions = pool.slice(0, count);
  } else {
    const start = rng.int(0, size - count);
    positions = Array.from({ length: count }, (_, i) => start + i);
  }
  return { set: name, labels: positions.map((p) => set.members[p]!), positions };
}
