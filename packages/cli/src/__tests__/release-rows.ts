/**
 * Rows in exactly the format of the paper's released benchmark files (`eval_<scenario>.json`,
 * JSON Lines): `question_id` names the image and repeats for each of its questions, `text` is the
 * question, `type` holds the scenario's folder name and `markers` is empty. Together they hold
 * every answer form the release uses; each row comes with a reply that is deliberately wrong.
 */

/** One release row and a wrong reply to it. */
export interface ReleaseRow {
  question_id: string;
  image: string;
  text: string;
  answer: string;
  type: string;
  markers: string[];
  /** A reply no scorer should accept. */
  wrong: string;
}

type RowSpec = [question_id: string, text: string, answer: string, wrong: string];

function file(type: string, specs: readonly RowSpec[]): ReleaseRow[] {
  return specs.map(([question_id, text, answer, wrong]) => ({ question_id, image: `${type}/${question_id}.png`, text, answer, type, markers: [], wrong }));
}

const route = [
  '1. Start at A1 and drive north on Elm Street to B7.',
  '2. Turn right at B7 and follow the river road to 3K.',
  '3. Continue east past 3K until you reach the destination Z2.',
].join('\n');

/** The release's eight files, by file name. */
export const releaseFiles: Record<string, ReleaseRow[]> = {
  'eval_chart.json': file('chart', [
    ['1', 'How many bars are there in the chart?', 'Four', 'There are 5 bars.'],
    ['1', 'What was the revenue of Apple in 2021?', '14.1 billion USD', 'The answer is 19.6 billion USD.'],
    ['1', 'Which year had the highest revenue?', '2021', 'The answer is 2020.'],
    ['2', 'What is the ratio of the largest slice to the smallest?', '2:1', 'The answer is 3:1.'],
    ['2', 'What is the average temperature in July?', '24.9 °C', 'The answer is 31 °C.'],
    ['2', 'Does the line for Paris ever exceed 30?', 'No', 'Yes, it does.'],
  ]),
  'eval_table.json': file('table', [
    ['7', 'Which cell holds the value 42? Answer as (row, column).', '(2, 3)', 'The answer is (3, 2).'],
    ['7', 'What is the average dose in the CT row?', '6.5 mSv', 'The answer is 9.1 mSv.'],
    ['7', 'Which city has the largest population?', 'Lisbon', 'The answer is Porto.'],
    ['8', 'How many rows does the table have (excluding the header)?', 'Twelve', 'The answer is 13.'],
    ['8', 'What is the total of the Sales column?', '1250', 'The answer is 1400.'],
  ]),
  'eval_road_map.json': file('road_map', [
    ['3', 'Plan a route from A1 to Z2, naming the markers you pass.', route, 'Go from Q9 to P4 and then to W8.'],
    ['3', 'Is there a road that connects A1 and 3K directly?', 'No', 'Yes.'],
    ['4', 'How many markers are shown on the map?', 'Six', 'The answer is 9.'],
  ]),
  'eval_dashboard.json': file('dashboard', [
    ['5', 'What time does the clock show?', '8:10', 'The answer is 9:25.'],
    ['5', 'What speed does the speedometer show?', '120 km/h', 'The answer is 180 km/h.'],
    ['6', 'What is the reading of the dosimeter?', '6.5 mSv', 'The answer is 8.8 mSv.'],
    ['6', 'Is the needle in the red zone?', 'Yes', 'No, it is not.'],
  ]),
  'eval_relation_graph.json': file('relation_graph', [
    ['9', 'How many nodes have no outgoing edges?', 'Four', 'The answer is 6.'],
    ['9', 'Who is the parent of Bella?', 'Alice', 'The answer is Chloe.'],
    ['9', 'Is there a path from node 3 to node 7?', 'Yes', 'No.'],
    ['10', 'What is the shortest distance from A to F?', 'Infinity', 'The answer is 5.'],
  ]),
  'eval_flowchart.json': file('flowchart', [
    ['11', 'What should you do if you feel stressed? A. Go to work B. Call a friend C. Do relaxing activity D. Sleep', 'C. Do relaxing activity', 'The answer is A.'],
    ['11', 'How many decision symbols are in the flowchart?', '3', 'The answer is 4.'],
    ['12', 'What is the value of x printed at the end if the input is 5?', '120', 'The answer is 24.'],
  ]),
  'eval_visual_puzzle.json': file('visual_puzzle', [
    ['13', 'What is the RGB colour of the missing piece?', '(255.0, 187.0, 120.0)', 'The answer is (120, 187, 255).'],
    ['13', 'Which option completes the pattern?', 'B', 'The answer is D.'],
    ['14', 'Which cell of the grid differs from the others? Answer as (row, column).', '(4, 1)', 'The answer is (1, 4).'],
    ['14', 'How many circles overlap the square?', 'Two', 'The answer is 3.'],
  ]),
  'eval_planar_layout.json': file('planar_layout', [
    ['15', 'Which room is the largest?', 'Living room', 'The answer is the kitchen.'],
    ['15', 'How many bedrooms does the floor plan have?', 'Three', 'The answer is 2.'],
    ['16', 'Does the smallest bedroom have its own washroom?', 'No', 'Yes, it has one.'],
    ['16', 'What is the area of the kitchen?', '12.5 m²', 'The answer is 16 m².'],
  ]),
};
