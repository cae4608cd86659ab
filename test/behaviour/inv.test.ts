/** Invariance tests of the behavioural suite (see README.md). */
import { register } from './register';
import { INV_TEMPLATES } from './templates-inv';

register(INV_TEMPLATES);
