import { tables } from '../table/scenario.js';
import { testScenario } from '@absynth/testkit';
import { verifyAgainstText } from './verify.js';

testScenario(tables, { verify: verifyAgainstText });
