import type { RoadmapScene } from '../scene.js';

// A 9 × 9 map made by hand. S is (row 4, column 0), E is (8, 8), counting from 0.
//       0 1 2 3 4 5 6 7 8
//   0   7f. . . G8# # # #
//   1   . # # # . # # # #
//   2   . # # # 5d. . . E6
//   3   . # # # . # # # .
//   4   S . . . A2# # # .
//   5   # # # # . # # # .
//   6   # # # # 3b. . . C4
//   7   # # # # # # # # .
//   8   # # # # # # # # E
// The shortest route is right 4 to A2, down 2 to 3b, right 4 to C4, down 2 to E: 12 moves, 3
// turns. Up from A2 to 5d, right to E6 and down to E is a longer route (16 moves); up the left
// road by 7f and G8 is longer still (20).
const grid = ['.....####', '.###.####', '.###.....', '.###.###.', '.....###.', '####.###.', '####.....', '########.', '########.'];
export const handMade: RoadmapScene = {
  size: 9,
  grid,
  start: { row: 4, col: 0 },
  end: { row: 8, col: 8 },
  markers: [
    { label: '7f', row: 0, col: 0 },
    { label: 'G8', row: 0, col: 4 },
    { label: '5d', row: 2, col: 4 },
    { label: 'E6', row: 2, col: 8 },
    { label: 'A2', row: 4, col: 4 },
    { label: '3b', row: 6, col: 4 },
    { label: 'C4', row: 6, col: 8 },
  ],
  route: [
    [4, 0], [4, 1], [4, 2], [4, 3], [4, 4], [5, 4], [6, 4], [6, 5], [6, 6], [6, 7], [6, 8], [7, 8], [8, 8],
  ].map(([row, col]) => ({ row: row as number, col: col as number })),
  colours: {
    obstacle: { name: 'dark gray', hex: '#4d4d4d' },
    free: { name: 'white', hex: '#ffffff' },
    start: { name: 'green', hex: '#2ea84a' },
    end: { name: 'red', hex: '#e3262e' },
  },
  gridLines: true,
};
