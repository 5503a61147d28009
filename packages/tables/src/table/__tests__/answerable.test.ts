import { testAnswerable } from '@absynth/testkit';
import { tables } from '../scenario.js';
import { tableTasks } from '../tasks.js';

testAnswerable(tables, { count: 60, required: tableTasks.map((task) => task.id) });
