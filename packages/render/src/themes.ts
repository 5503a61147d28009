import type { Theme } from './types.js';

// Themes are shared by every image, so a caller mutating one must not change the others.
function frozenTheme(theme: Theme): Theme {
  Object.freeze(theme.palette);
  if (theme.paletteNames !== undefined) Object.freeze(theme.paletteNames);
  return Object.freeze(theme);
}

const light = frozenTheme({
  name: 'light',
  background: '#ffffff',
  foreground: '#1f2328',
  muted: '#a0a7b0',
  accent: '#d1242f',
  palette: ['#1f77b4', '#d95f02', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#d6338f', '#6b6b6b', '#8a8c00', '#0e8a96'],
  paletteNames: ['blue', 'orange', 'green', 'red', 'purple', 'brown', 'pink', 'grey', 'olive', 'teal'],
  font: 'sans',
  lineWidth: 2,
});

const dark = frozenTheme({
  name: 'dark',
  background: '#16181d',
  foreground: '#e6e6e6',
  muted: '#5c6370',
  accent: '#ffb000',
  palette: ['#4fa3f7', '#ff9f43', '#5cd65c', '#ff6b6b', '#b388ff', '#c49a6c', '#ff79c6', '#b0b0b0', '#d4d400', '#3fd0d4'],
  paletteNames: ['blue', 'orange', 'green', 'red', 'purple', 'brown', 'pink', 'grey', 'yellow', 'cyan'],
  font: 'sans',
  lineWidth: 2,
});

const paper = frozenTheme({
  name: 'paper',
  background: '#f6f0e1',
  foreground: '#2b2118',
  muted: '#b3a78f',
  accent: '#b3261e',
  palette: ['#2f5d8a', '#c0560f', '#3f7d3a', '#b3261e', '#6d4c9c', '#7a4f2b', '#b03a7a', '#5f5a52', '#7d7a00', '#1f7a7a'],
  paletteNames: ['blue', 'orange', 'green', 'red', 'purple', 'brown', 'magenta', 'grey', 'olive', 'teal'],
  font: 'serif',
  lineWidth: 1.5,
});

const blueprint = frozenTheme({
  name: 'blueprint',
  background: '#17375e',
  foreground: '#f0f6ff',
  muted: '#5d7fa8',
  accent: '#ffe14d',
  palette: ['#ffffff', '#ffe14d', '#6fdcff', '#ff8f7a', '#a8f07c', '#ff9ee6', '#c3a8ff', '#ff9a2e', '#ff5c5c'],
  paletteNames: ['white', 'yellow', 'cyan', 'salmon', 'green', 'pink', 'lavender', 'orange', 'red'],
  font: 'mono',
  lineWidth: 1.5,
});

const pastel = frozenTheme({
  name: 'pastel',
  background: '#2e3440',
  foreground: '#eceff4',
  muted: '#616e88',
  accent: '#f4b6c2',
  palette: ['#8fbcf0', '#f8b878', '#a3e4a0', '#f28b8b', '#c8b3f0', '#f5b3dc', '#c4c8d0', '#ece58f', '#86d9d3', '#c9a27e'],
  paletteNames: ['blue', 'orange', 'green', 'red', 'lavender', 'pink', 'grey', 'yellow', 'turquoise', 'tan'],
  font: 'sans',
  lineWidth: 2,
});

const contrast = frozenTheme({
  name: 'contrast',
  background: '#000000',
  foreground: '#ffffff',
  muted: '#8c8c8c',
  accent: '#ffff00',
  palette: ['#4da6ff', '#ff8c1a', '#33ff33', '#ff3333', '#c266ff', '#ffff00', '#ff4dd2', '#ffffff', '#00ffff', '#b3b3b3'],
  paletteNames: ['blue', 'orange', 'green', 'red', 'purple', 'yellow', 'pink', 'white', 'cyan', 'grey'],
  font: 'sans',
  lineWidth: 3,
});

/** The built-in themes by name. */
export const themes: Readonly<Record<string, Theme>> = Object.freeze({ light, dark, paper, blueprint, pastel, contrast });

/** The built-in theme names, in a fixed order. */
export const themeNames: readonly string[] = Object.freeze(Object.keys(themes));

/** The theme used when none is chosen: `light`. */
export const defaultTheme: Theme = light;

/** The built-in theme called `name`; throws an Error listing the allowed names when there is none. */
export function getTheme(name: string): Theme {
  const theme = Object.hasOwn(themes, name) ? themes[name] : undefined;
  if (theme === undefined) throw new Error(`unknown theme '${name}'; allowed themes: ${themeNames.join(', ')}`);
  return theme;
}
