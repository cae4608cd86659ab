/** Directional tests of the behavioural suite (see README.md). */
import { register } from './register';
import { DIR_TEMPLATES } from './templates-dir';

register(DIR_TEMPLATES);
