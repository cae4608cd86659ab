/** Minimum-functionality tests of the behavioural suite (see README.md). */
import { register } from './register';
import { MFT_TEMPLATES } from './templates-mft';

register(MFT_TEMPLATES);
