import { afterEach, beforeEach } from 'vitest';
import { ManualClock } from '@ltx/shared/time/clock';
import { setDeviceClock } from '../../../miniapp/src/adapters/clock';
import { testClock } from '../../support/clock';

/**
 * Pages leave the year out of a date in the phone's current year. Tests whose fixtures sit on fixed
 * days put the phone at `instant` for each test (and back on the run's clock after), so the words
 * they expect do not depend on the day the suite runs.
 */
export function phoneAt(instant: string): void {
  beforeEach(() => setDeviceClock(new ManualClock(instant)));
  afterEach(() => setDeviceClock(testClock));
}
