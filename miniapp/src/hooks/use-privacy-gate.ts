import { useSyncExternalStore } from 'react';
import type { PrivacyGate, PrivacyGateState } from '@/services/privacy-gate';

/** The gate's state, kept current on every page that shows the popup (each page renders it; one answer closes them all). */
export function usePrivacyGate(gate: PrivacyGate): PrivacyGateState {
  return useSyncExternalStore(gate.subscribe, gate.state, gate.state);
}
