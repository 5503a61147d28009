import { tables } from '../scenario.js';
import { testScenario } from '@absynth/testkit';
import { verifyAgainstText } from './verify.js';

testScenario(tables, { verify: verifyAgainstText });
