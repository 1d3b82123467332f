import { embeddedWorld } from '../src/delivery-worlds';
import { describeExactlyOnce } from '../src/exactly-once-scenario';

describeExactlyOnce('embedded (SQLite stores + SQLite bus)', embeddedWorld);
